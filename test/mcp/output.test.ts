import { describe, expect, it } from "vitest";
import { createOriginAllowList } from "../../src/mcp/origin-allow-list.ts";
import { fitToBudget } from "../../src/mcp/output/budget.ts";
import { clip, dropEmpty } from "../../src/mcp/output/clean.ts";
import { encodeCursor, resolvePage } from "../../src/mcp/output/cursor.ts";
import { htmlToText } from "../../src/mcp/output/html-to-text.ts";
import { textToHtml } from "../../src/mcp/tool-kit.ts";
import { searchTermsOf } from "../../src/mcp/tools/find-solutions-for-ticket.ts";

describe("htmlToText", () => {
  it("keeps structure as line breaks and drops markup, scripts and comments", () => {
    const html =
      '<div><p>Hi&nbsp;Ana,</p><!-- tracking --><script>alert(1)</script><ul><li>one</li><li>two &amp; three</li></ul>See <a href="https://kb.example/17">the guide</a>.<br>Bye</div>';
    expect(htmlToText(html)).toBe(
      "Hi Ana,\n\n- one\n- two & three\nSee the guide (https://kb.example/17).\nBye",
    );
  });

  it("decodes numeric entities", () => {
    expect(htmlToText("caf&#233; &#x2713;")).toBe("café ✓");
  });
});

describe("dropEmpty and clip", () => {
  it("drops null, empty strings, empty lists and objects at any depth but keeps false and 0", () => {
    expect(dropEmpty({ a: null, b: "", c: [], d: {}, e: { f: null }, g: false, h: 0, i: [null, 1] })).toEqual(
      {
        g: false,
        h: 0,
        i: [1],
      },
    );
  });

  it("says how much it cut", () => {
    expect(clip("abcdef", 3, "see x")).toBe("abc… [3 more characters cut; see x]");
    expect(clip("abc", 3)).toBe("abc");
  });
});

describe("fitToBudget", () => {
  it("leaves small results alone", () => {
    expect(fitToBudget({ items: [1, 2] }, 100)).toEqual({ data: { items: [1, 2] }, notice: undefined });
  });

  it("shortens long texts first", () => {
    const data = { id: 1, body: "x".repeat(10_000) };
    const { data: fitted, notice } = fitToBudget(data, 3000);
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(3000);
    expect(fitted.id).toBe(1);
    expect(notice).toMatch(/cut to 2000 characters/);
  });

  it("drops list entries from the end when shortening texts is not enough, and says so", () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ id: i, text: "y".repeat(250) }));
    const { data, notice } = fitToBudget({ items, next_cursor: "abc" }, 24_000);
    const kept = data.items as { id: number }[];
    expect(JSON.stringify(data).length + (notice?.length ?? 0)).toBeLessThanOrEqual(24_500);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(200);
    expect(kept.map((i) => i.id)).toEqual(Array.from({ length: kept.length }, (_, i) => i));
    expect(data.next_cursor).toBe("abc");
    expect(notice).toContain(`the last ${200 - kept.length} of 200 entries of "items" were left out`);
  });
});

describe("cursors", () => {
  it("carry the page and the query, and refuse a cursor from another tool or a conflicting filter", () => {
    const cursor = encodeCursor("list_tickets", 3, { email: "a@example.org", per_page: 10 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(resolvePage("list_tickets", cursor, { email: undefined, per_page: undefined })).toEqual({
      page: 3,
      filters: { email: "a@example.org", per_page: 10 },
    });
    expect(resolvePage("list_tickets", cursor, { email: "a@example.org", per_page: undefined }).page).toBe(3);
    expect(() => resolvePage("list_contacts", cursor, {})).toThrow(/not one that list_contacts returned/);
    expect(() => resolvePage("list_tickets", cursor, { email: "b@example.org" })).toThrow(/"email" differs/);
    expect(() => resolvePage("list_tickets", "garbage!", {})).toThrow(/cursor/);
    expect(resolvePage("list_tickets", undefined, { email: "x" })).toEqual({
      page: 1,
      filters: { email: "x" },
    });
  });
});

describe("the origin allow-list", () => {
  const list = createOriginAllowList({
    publicUrl: "https://triage.example.com",
    allowedOrigins: ["https://chat.example.org", "tools.example.net"],
  });

  it("allows loopback, the public URL and configured origins", () => {
    for (const origin of [
      "http://localhost:3000",
      "http://127.0.0.1",
      "http://[::1]:8080",
      "https://triage.example.com",
      "https://chat.example.org",
      "https://tools.example.net",
    ]) {
      expect(list.originAllowed(origin), origin).toBe(true);
    }
  });

  it("refuses other origins, look-alikes and opaque origins", () => {
    for (const origin of [
      "https://evil.example",
      "https://chat.example.org.evil.example",
      "http://chat.example.org",
      "null",
      "file://",
    ]) {
      expect(list.originAllowed(origin), origin).toBe(false);
    }
  });

  it("checks Host headers against the same hosts", () => {
    expect(list.hostAllowed("127.0.0.1:3000")).toBe(true);
    expect(list.hostAllowed("[::1]:3000")).toBe(true);
    expect(list.hostAllowed("triage.example.com")).toBe(true);
    expect(list.hostAllowed("attacker.example")).toBe(false);
  });
});

describe("text helpers", () => {
  it("turns plain text into escaped HTML paragraphs and leaves HTML alone", () => {
    expect(textToHtml("a < b\nc\n\nd")).toBe("<p>a &lt; b<br>c</p><p>d</p>");
    expect(textToHtml("<p>already</p>")).toBe("<p>already</p>");
  });

  it("picks the distinctive words of a subject for a knowledge-base search", () => {
    expect(searchTermsOf("Re: How do I reset my password?")).toBe("reset password");
  });
});
