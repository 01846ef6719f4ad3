import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOverrideStore } from "../../src/learning/overrides.ts";
import { connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { createMetrics } from "../../src/metrics/metrics.ts";
import { hintKey } from "../../src/queue/intake.ts";
import { TRIAGE_QUEUE, type TriageJob } from "../../src/queue/triage-queue.ts";
import { createTriageResultStore } from "../../src/queue/triage-results.ts";
import { findTriageMarkers, markerJobId } from "../../src/triage/index.ts";
import { freshservicePipelinePolicy } from "../../workers/freshservice/pipeline-policy.ts";
import { createFreshservicePipelineTools } from "../../workers/freshservice/pipeline-tools.ts";
import { createFreshserviceProcessor } from "../../workers/freshservice/processor.ts";
import type { TriageProcessor } from "../../workers/triage-worker.ts";
import { type FsBackend, PORTAL_URL, startFsBackend } from "../mcp/freshservice/support.ts";

const BACKEND = { url: "" };

/**
 * The Freshservice triage job end to end against the Freshservice sandbox over HTTP, with real
 * Redis: what it writes, what it costs in credits, and that our own update's echo and a
 * redelivered webhook add nothing.
 */
describe("Freshservice triage job", () => {
  let backend: FsBackend;
  let client: Client;
  let queue: Queue<TriageJob>;
  let processor: TriageProcessor;
  let requester: { id: number; email: string; departmentIds: number[] };
  let laptop: { display_id: number; name: string };

  beforeAll(async () => {
    backend = await startFsBackend();
    BACKEND.url = backend.sandboxUrl;
    client = await connectInProcessClient(backend.deps, freshservicePipelinePolicy());
    queue = new Queue<TriageJob>(TRIAGE_QUEUE, { connection: backend.redis, prefix: backend.prefix });
    const built = createFreshserviceProcessor({
      client,
      redis: backend.redis,
      keyPrefix: backend.prefix,
      mode: "apply",
      portalUrl: PORTAL_URL,
      results: createTriageResultStore(backend.redis, backend.prefix),
      // No history learned here: the category the ticket names is applied as an unmeasured value.
      learning: { targetPrecision: 0.9, applyUnmeasured: true },
      metrics: createMetrics(),
    });
    processor = built.processor;
    await built.warmUp();
    const first = (await backend.freshservice.requesters.list({ perPage: 5 })).items.find(
      (r) => r.primary_email && (r.department_ids?.length ?? 0) === 1,
    )!;
    requester = { id: first.id, email: first.primary_email!, departmentIds: first.department_ids ?? [] };
    const assets = await backend.freshservice.assets.list({ filter: `user_id:${first.id}` });
    laptop = assets.items.find((a) => /MacBook|Latitude|ThinkPad/.test(a.name))! as typeof laptop;
  });
  afterAll(async () => {
    await client?.close();
    await queue?.close();
    await backend?.close();
  });

  async function newTicket(subject: string, description: string): Promise<number> {
    const ticket = await backend.freshservice.tickets.create({
      subject,
      description,
      email: requester.email,
      status: 2,
      priority: 1,
    });
    return ticket.id;
  }
  const run = async (ticketId: number, event: TriageJob["event"]) =>
    processor(await queue.add("t", { ticketId, event, receivedAt: new Date().toISOString() }));
  const notesOf = async (ticketId: number) =>
    (await backend.freshservice.conversations.list(ticketId)).items.filter((c) => c.private === true);

  it("applies a valid category path, writes one private note naming the department and the laptop, for 3 credits", async () => {
    const warm = await newTicket("Warm-up", "Warms the tool server's caches.");
    await run(warm, "created");

    const ticketId = await newTicket(
      "My laptop won't boot",
      "<p>My Mac shows a black screen after the logo.</p>",
    );
    backend.sandbox.resetStats();
    expect(await run(ticketId, "created")).toEqual({ outcome: "triaged" });
    const stats = backend.sandbox.stats();
    expect(stats.totalCredits).toBe(3);
    expect(stats.rateLimited).toBe(0);

    const ticket = await backend.freshservice.tickets.get(ticketId);
    expect([ticket.category, ticket.sub_category, ticket.item_category]).toEqual([
      "Hardware",
      "Computer",
      "Mac",
    ]);
    const notes = await notesOf(ticketId);
    expect(notes).toHaveLength(1);
    const body = notes[0]!.body_text ?? notes[0]!.body ?? "";
    const department = (await backend.freshservice.departments.get(requester.departmentIds[0]!)).name;
    expect(body).toContain(`department ${department}`);
    expect(body).toContain(`${laptop.name} (asset #${laptop.display_id}`);
    expect(body).toContain("category none → Hardware: applied");
    expect(findTriageMarkers([body])).toHaveLength(1);
  });

  it("adds nothing, and calls nothing, for the echo of its own update or a redelivered creation", async () => {
    const ticketId = await newTicket("Wi-Fi drops", "<p>The office Wi-Fi drops every few minutes.</p>");
    await run(ticketId, "created");
    const ticket = await backend.freshservice.tickets.get(ticketId);
    expect(ticket.sub_category).toBe("Wi-Fi");

    backend.sandbox.resetStats();
    expect(await run(ticketId, "other")).toEqual({ outcome: "skipped", reason: "own_echo" });
    expect(backend.sandbox.stats().totalRequests).toBe(0);

    backend.sandbox.resetStats();
    expect(await run(ticketId, "created")).toEqual({ outcome: "skipped", reason: "already_triaged" });
    expect(backend.sandbox.stats().totalRequests).toBe(0);
    expect(await notesOf(ticketId)).toHaveLength(1);
  });

  it("reads the conversation once after an agent's edit, and triages nothing new", async () => {
    const ticketId = await newTicket("Printer", "<p>Need help.</p>");
    await run(ticketId, "created");
    await run(ticketId, "other"); // our update's echo
    // Someone else's change moves updated_at past our last write.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await backend.freshservice.tickets.update(ticketId, { status: 3 });
    backend.sandbox.resetStats();
    const outcome = await run(ticketId, "other");
    // Nothing new from the requester: an agent's edit is not a reason to triage again.
    expect(outcome).toEqual({ outcome: "skipped", reason: "own_echo" });
    expect(backend.sandbox.stats().endpoints["GET /tickets/:id/conversations"]?.requests).toBe(1);
  });

  it("triages again when the requester writes, and says so in a second note", async () => {
    const ticketId = await newTicket("Question", "<p>The printer is out of toner.</p>");
    await run(ticketId, "created");
    await run(ticketId, "other"); // our update's echo
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await fetch(`${backend.sandboxUrl}/api/v2/tickets/${ticketId}/notes`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from("fs-sandbox-test-key:X").toString("base64")}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        body: "<p>It is the office printer on the second floor.</p>",
        private: false,
        incoming: true,
      }),
    });
    expect(res.status).toBe(201);
    expect(await run(ticketId, "other")).toEqual({ outcome: "triaged" });
    // The new message names the item under the sub-category already applied.
    const ticket = await backend.freshservice.tickets.get(ticketId);
    expect([ticket.category, ticket.sub_category, ticket.item_category]).toEqual([
      "Hardware",
      "Printer",
      "Office Printer",
    ]);
    expect(await notesOf(ticketId)).toHaveLength(2);
  });

  it("saves the read when the webhook carried the whole new ticket: 2 credits", async () => {
    const ticketId = await newTicket("Wi-Fi drops", "<p>The office Wi-Fi drops every few minutes.</p>");
    // What a Web Request body with the ticket's placeholders leaves for the worker (the intake's hint).
    await backend.redis.set(
      hintKey(backend.prefix, ticketId),
      JSON.stringify({
        subject: "Wi-Fi drops",
        description: "<p>The office Wi-Fi drops every few minutes.</p>",
        status: "Open",
        priority: "Low",
        urgency: "Low",
        impact: "Low",
        type: "Incident",
        category: "",
        sub_category: "",
        item_category: "",
        group_name: "",
        requester_email: requester.email,
      }),
    );
    backend.sandbox.resetStats();
    expect(await run(ticketId, "created")).toEqual({ outcome: "triaged" });
    expect(backend.sandbox.stats().totalCredits).toBe(2);
    expect((await backend.freshservice.tickets.get(ticketId)).sub_category).toBe("Wi-Fi");
    // The echo is still recognised: the content hash came from the ticket as updated.
    expect(await run(ticketId, "other")).toEqual({ outcome: "skipped", reason: "own_echo" });
    expect(await notesOf(ticketId)).toHaveLength(1);
  });

  it("records an agent's change of a value it applied as an override, by the learned field's label", async () => {
    const overrides = createOverrideStore({
      redis: backend.redis,
      prefix: backend.prefix,
      account: "fs-overrides",
    });
    const withOverrides = createFreshserviceProcessor({
      client,
      redis: backend.redis,
      keyPrefix: backend.prefix,
      mode: "apply",
      portalUrl: PORTAL_URL,
      results: createTriageResultStore(backend.redis, backend.prefix),
      learning: { targetPrecision: 0.9, applyUnmeasured: true },
      overrides,
      metrics: createMetrics(),
    }).processor;
    const go = async (ticketId: number, event: TriageJob["event"]) =>
      withOverrides(await queue.add("t", { ticketId, event, receivedAt: new Date().toISOString() }));
    const ticketId = await newTicket("Wi-Fi", "<p>The office Wi-Fi is down.</p>");
    const since = new Date();
    await go(ticketId, "created");
    await go(ticketId, "other"); // our update's echo
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await backend.freshservice.tickets.update(ticketId, {
      category: "Network",
      sub_category: "VPN",
      item_category: "GlobalProtect",
    });
    expect(await go(ticketId, "other")).toMatchObject({ outcome: "skipped" });
    const seen = (await overrides.since(since)).filter((o) => o.ticketId === ticketId);
    expect(seen.map((o) => [o.field, o.from, o.to])).toEqual([
      ["sub_category", "Wi-Fi", "VPN"],
      ["item_category", "Office Wi-Fi", "GlobalProtect"],
    ]);
  });

  it("finds the note a job already posted, for a retry after a crash mid-post", async () => {
    const ticketId = await newTicket("Outlook crashes", "<p>Outlook closes when I open it.</p>");
    const job = await queue.add("t", { ticketId, event: "created", receivedAt: new Date().toISOString() });
    await processor(job);
    const tools = createFreshservicePipelineTools(client, {
      redis: backend.redis,
      keyPrefix: backend.prefix,
    });
    const [note] = await notesOf(ticketId);
    expect(await tools.findNoteOfJob(ticketId, markerJobId(job.id!))).toBe(note!.id);
    expect(await tools.findNoteOfJob(ticketId, markerJobId("another-job"))).toBeUndefined();
  });

  it("runs under a policy that lets it write only triage's fields and private notes", async () => {
    const ticketId = await newTicket("Policy", "<p>Nothing to see.</p>");
    const refused = async (name: string, args: Record<string, unknown>) => {
      const result = await client.callTool({ name, arguments: args });
      expect(result.isError).toBe(true);
      return (result.content as Array<{ text?: string }>).map((c) => c.text ?? "").join("");
    };
    expect(await refused("update_ticket", { ticket_id: ticketId, status: 5 })).toMatch(
      /may update only category/,
    );
    expect(await refused("add_note", { ticket_id: ticketId, body: "hi", private: false })).toMatch(
      /private notes only/,
    );
    await refused("reply_to_ticket", { ticket_id: ticketId, body: "hi" });
    await refused("place_service_request", { display_id: 1 });
    expect((await backend.freshservice.tickets.get(ticketId)).status).toBe(2);
  });

  it("leaves a value an agent changed when it triages again, even after skipped events", async () => {
    const ticketId = await newTicket("Wi-Fi", "<p>The office Wi-Fi is down.</p>");
    await run(ticketId, "created");
    await run(ticketId, "other"); // our update's echo (a skipped run)
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await backend.freshservice.tickets.update(ticketId, {
      category: "Network",
      sub_category: "VPN",
      item_category: "GlobalProtect",
    });
    expect(await run(ticketId, "other")).toMatchObject({ outcome: "skipped" }); // the agent's edit
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await postRequesterMessage(ticketId, "<p>Still no Office Wi-Fi in room 4.</p>");
    expect(await run(ticketId, "other")).toEqual({ outcome: "triaged" });
    const ticket = await backend.freshservice.tickets.get(ticketId);
    expect([ticket.sub_category, ticket.item_category]).toEqual(["VPN", "GlobalProtect"]);
    const notes = await notesOf(ticketId);
    expect(notes).toHaveLength(2);
    expect(notes.map((n) => n.body_text ?? "").join("\n")).toContain(
      "an agent changed it after our earlier triage",
    );
  });
});

async function postRequesterMessage(ticketId: number, html: string): Promise<void> {
  const res = await fetch(`${BACKEND.url}/api/v2/tickets/${ticketId}/notes`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from("fs-sandbox-test-key:X").toString("base64")}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ body: html, private: false, incoming: true }),
  });
  if (res.status !== 201) throw new Error(`posting the requester's message answered ${res.status}`);
}
