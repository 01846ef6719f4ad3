import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TriageMode } from "../../src/config.ts";
import type { TriageOutcome, TriageService } from "../../src/mcp/deps.ts";
import type { ToolName } from "../../src/mcp/in-process-client.ts";
import { connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { type Backend, startBackend } from "./support/harness.ts";
import { toolCases } from "./support/tool-cases.ts";

/**
 * Remembers what it was asked to run; it stands in for the triage pipeline, which is another
 * part of the service, so only the tools' hand-over is tested here.
 */
function recordingTriage(): TriageService {
  const runs = new Map<number, TriageOutcome>();
  return {
    async run(ticketId: number, options: { mode: TriageMode }) {
      const outcome = { ran: { ticketId, mode: options.mode } };
      runs.set(ticketId, outcome);
      return outcome;
    },
    async latest(ticketId: number) {
      return runs.get(ticketId);
    },
  };
}

let backend: Backend;
let client: Client;
let triageClient: Client;

beforeAll(async () => {
  backend = await startBackend();
  const everything = { caller: "tools-test", scopes: ["admin"] as const };
  client = await connectInProcessClient(backend.deps, everything);
  triageClient = await connectInProcessClient({ ...backend.deps, triage: recordingTriage() }, everything);
  // Listing makes the SDK client check every structured result against the advertised output schema.
  await client.listTools();
  await triageClient.listTools();
});

afterAll(async () => {
  await client.close();
  await triageClient.close();
  await backend.close();
});

describe("result size", () => {
  it("caps a large page by size, says how to get the rest, and still matches the output schema", async () => {
    const small = await connectInProcessClient(
      { ...backend.deps, limits: { maxResultChars: 4000, maxTextChars: 1500 } },
      { caller: "size-test", scopes: ["read"] },
    );
    await small.listTools();
    const result = await small.callTool({
      name: "list_tickets",
      arguments: { per_page: 100, include_description: true, updated_since: "2000-01-01T00:00:00Z" },
    });
    await small.close();
    const structured = result.structuredContent as {
      items: unknown[];
      next_cursor?: string;
      notice?: string;
    };
    expect(JSON.stringify(structured).length).toBeLessThanOrEqual(4000);
    expect(structured.items.length).toBeGreaterThan(0);
    expect(structured.next_cursor).toBeTypeOf("string");
    expect(structured.notice).toMatch(/entries of "items" fitted; next_cursor continues with the next one/);
    const [text, json] = (result.content as { text: string }[]).map((block) => block.text);
    expect(text!.length).toBeLessThanOrEqual(1500 + 100 + structured.notice!.length);
    expect(text).toContain(structured.notice!);
    expect(JSON.parse(json!)).toEqual(structured);
  });
});

describe("every tool against the sandbox", () => {
  for (const [name, run] of Object.entries(toolCases) as [ToolName, (typeof toolCases)[ToolName]][]) {
    it(name, () => run({ client, triageClient, backend }));
  }
});
