import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, it } from "vitest";
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

describe("every tool against the sandbox", () => {
  for (const [name, run] of Object.entries(toolCases) as [ToolName, (typeof toolCases)[ToolName]][]) {
    it(name, () => run({ client, triageClient, backend }));
  }
});
