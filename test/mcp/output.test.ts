import { describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.ts";
import { createOriginAllowList } from "../../src/mcp/origin-allow-list.ts";
import { fitToBudget } from "../../src/mcp/output/budget.ts";
import { clip, dropEmpty } from "../../src/mcp/output/clean.ts";
import { createCursorCodec } from "../../src/mcp/output/cursor.ts";
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

  it("never cuts next_cursor, however far other texts are cut", () => {
    const cursor = "c".repeat(1200);
    const items = Array.from({ length: 40 }, (_, i) => ({ id: i, text: "t".repeat(3000) }));
    const { data, notice } = fitToBudget({ items, next_cursor: cursor }, 24_000);
    expect(data.next_cursor).toBe(cursor);
    expect(notice).toMatch(/cut to 300 characters/);
  });

  it("drops entries from the end of an unpaged list when shortening is not enough, and says so without offering a per_page", () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ id: i, text: "y".repeat(250) }));
    const { data, notice } = fitToBudget({ items }, 24_000);
    const kept = data.items as { id: number }[];
    expect(JSON.stringify(data).length + (notice?.length ?? 0)).toBeLessThanOrEqual(24_500);
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.length).toBeLessThan(200);
    expect(kept.map((i) => i.id)).toEqual(Array.from({ length: kept.length }, (_, i) => i));
    expect(notice).toContain(`the last ${200 - kept.length} of 200 entries of "items" were left out`);
    expect(notice).not.toContain("per_page");
  });

  it("pages a paged list by size: whole leading items, and a cursor resuming at the first one left out", () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ id: i, text: "z".repeat(900) }));
    const { data, notice } = fitToBudget({ items, next_cursor: "page-2" }, 5000, (kept) => `resume-${kept}`);
    const kept = data.items as { id: number; text: string }[];
    expect(kept.length).toBeGreaterThan(1);
    expect(kept.length).toBeLessThan(30);
    expect(kept.map((i) => i.id)).toEqual(Array.from({ length: kept.length }, (_, i) => i));
    expect(kept.every((i) => i.text.length === 900)).toBe(true);
    expect(data.next_cursor).toBe(`resume-${kept.length}`);
    expect(JSON.stringify(data).length + (notice?.length ?? 0)).toBeLessThanOrEqual(5000);
    expect(notice).toMatch(/next_cursor continues with the next one/);
  });

  it("keeps at least one item of a paged list, so paging always moves on", () => {
    const items = [{ id: 0, text: "w".repeat(9000) }, { id: 1 }];
    const { data } = fitToBudget({ items }, 3000, (kept) => `resume-${kept}`);
    expect((data.items as { id: number }[]).map((i) => i.id)).toEqual([0]);
    expect(data.next_cursor).toBe("resume-1");
  });
});

describe("cursors", () => {
  const codec = createCursorCodec("a-server-secret-of-some-length");
  const cursor = codec.encode(
    "list_tickets",
    { page: 3, offset: 7 },
    { email: "a@example.org", per_page: 10 },
  );

  it("carry the tool, the position and the query", () => {
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(codec.decode("list_tickets", cursor)).toEqual({
      position: { page: 3, offset: 7 },
      args: { email: "a@example.org", per_page: 10 },
    });
  });

  it("refuse a cursor of another tool, a tampered or forged one, and one signed with another secret", () => {
    expect(() => codec.decode("list_contacts", cursor)).toThrow(
      /Invalid cursor: it is not one that list_contacts returned/,
    );
    const [payload, signature] = cursor.split(".") as [string, string];
    const altered = Buffer.from(
      Buffer.from(payload, "base64url").toString().replace('"p":3', '"p":4'),
    ).toString("base64url");
    const forged = Buffer.from(JSON.stringify({ t: "search_tickets", p: 1, f: { query: 123 } })).toString(
      "base64url",
    );
    const foreign = createCursorCodec("another-secret-of-some-length").encode(
      "list_tickets",
      { page: 3, offset: 7 },
      { email: "a@example.org" },
    );
    for (const bad of [
      `${altered}.${signature}`,
      forged,
      `${forged}.${signature}`,
      foreign,
      "garbage!",
      `${payload}.`,
      `${cursor}.x`,
    ]) {
      expect(() => codec.decode("list_tickets", bad), bad).toThrow(BadRequestError);
    }
    expect(() => codec.decode("list_tickets", `${payload}.${signature.slice(0, -1)}`)).toThrow(
      /Invalid cursor/,
    );
  });

  it("need a secret of at least 16 characters", () => {
    expect(() => createCursorCodec("short")).toThrow(/at least 16/);
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
