import { performance } from "node:perf_hooks";
import { createFreshdeskClient } from "../../src/freshdesk/index.ts";
import { inPool } from "./webhook-bodies.ts";

export type DirectSequenceResult = { elapsedMs: number; latenciesMs: number[] };

const NOTE_HTML = `<p>${"Triage summary: category, priority, group and suggested articles. ".repeat(20)}</p>`;

/**
 * The Freshdesk I/O one triage needs at the least (read the ticket, update it, add a private
 * note), made straight with the client and nothing else: no webhook, queue, MCP, classifier or
 * note rendering. The end-to-end benchmark's floor.
 */
export async function runDirectSequence(options: {
  baseUrl: string;
  apiKey: string;
  ticketIds: readonly number[];
  concurrency: number;
}): Promise<DirectSequenceResult> {
  const client = createFreshdeskClient({ baseUrl: options.baseUrl, apiKey: options.apiKey });
  const latenciesMs: number[] = [];
  const start = performance.now();
  await inPool(options.ticketIds, options.concurrency, async (id) => {
    const began = performance.now();
    await client.tickets.get(id);
    await client.tickets.update(id, { priority: 2, tags: ["bench-direct"] });
    await client.conversations.addNote(id, { body: NOTE_HTML, private: true });
    latenciesMs.push(performance.now() - began);
  });
  return { elapsedMs: performance.now() - start, latenciesMs };
}
