import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startTestService, type TestService } from "../support/service.ts";

/** A chat agent asking the running service to triage a ticket, over real HTTP at /mcp. */
describe("triage_ticket through /mcp", () => {
  let t: TestService;
  let client: Client;

  beforeAll(async () => {
    t = await startTestService({ SANDBOX_AUTOMATIONS: "off" });
    client = new Client({ name: "e2e-agent", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${t.url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
      }),
    );
  });
  afterAll(async () => {
    await client.close();
    await t.stop();
  });

  it("previews a triage without writing, then reports it", async () => {
    const { id } = await t.createTicket("Refund request", "I was charged twice for my invoice.");
    t.service.sandbox!.resetStats();
    const preview = await client.callTool({ name: "triage_ticket", arguments: { ticket_id: id } });
    expect(preview.isError).toBeFalsy();
    const result = (preview.structuredContent as { result: { latest: { mode: string; category: string } } })
      .result;
    expect(result.latest).toMatchObject({ mode: "dry-run", category: "billing_inquiry" });
    const writes = Object.keys(t.service.sandbox!.stats().endpoints).filter((e) => !e.startsWith("GET "));
    expect(writes).toEqual([]);
    expect(await t.privateNotes(id)).toHaveLength(0);

    const report = await client.callTool({ name: "get_triage_result", arguments: { ticket_id: id } });
    expect(JSON.stringify(report.structuredContent)).toContain("billing_inquiry");
  });
});
