import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";

describe("the sandbox's ticket and article pages", () => {
  let server: SandboxServer;
  const auth = () => ({ Authorization: `Basic ${Buffer.from(`${server.apiKey}:X`).toString("base64")}` });

  beforeAll(async () => {
    server = await startSandboxServer();
  });
  afterAll(async () => server.close());

  it("asks a browser for the API key before showing a ticket", async () => {
    const res = await fetch(`${server.baseUrl}/a/tickets/3`);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
  });

  it("shows a ticket with its conversations, escaped", async () => {
    const created = await fetch(`${server.baseUrl}/api/v2/tickets`, {
      method: "POST",
      headers: { ...auth(), "Content-Type": "application/json" },
      body: JSON.stringify({
        subject: "<script>x</script> help",
        description: "text",
        email: "p@example.com",
      }),
    }).then((r) => r.json() as Promise<{ id: number }>);
    await fetch(`${server.baseUrl}/api/v2/tickets/${created.id}/notes`, {
      method: "POST",
      headers: { ...auth(), "Content-Type": "application/json" },
      body: JSON.stringify({ body: "Routed to Billing" }),
    });
    const res = await fetch(`${server.baseUrl}/a/tickets/${created.id}`, { headers: auth() });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("&lt;script&gt;x&lt;/script&gt; help");
    expect(page).not.toContain("<script>");
    expect(page).toContain("Private note");
    expect(page).toContain("Routed to Billing");
  });

  it("shows published articles and hides drafts", async () => {
    const search = (term: string) =>
      fetch(`${server.baseUrl}/api/v2/search/solutions?term=${term}`, { headers: auth() }).then(
        (r) => r.json() as Promise<Array<{ id: number; status: number; title: string }>>,
      );
    const published = (await search("refund")).find((a) => a.status === 2)!;
    const page = await fetch(`${server.baseUrl}/support/solutions/articles/${published.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(published.title.replace(/&/g, "&amp;"));
    const draft = (await search("nonprofit")).find((a) => a.status === 1)!;
    expect((await fetch(`${server.baseUrl}/support/solutions/articles/${draft.id}`)).status).toBe(404);
  });
});
