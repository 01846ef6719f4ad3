import { setTimeout as sleep } from "node:timers/promises";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Redis } from "ioredis";
import { callFreshserviceTool } from "../../src/mcp/freshservice/call-tool.ts";
import type { FsConversationOutput } from "../../src/mcp/freshservice/shapes/conversation.ts";
import type { FsTicketOutput } from "../../src/mcp/freshservice/shapes/ticket.ts";
import { findTriageMarkers } from "../../src/triage/index.ts";
import { type FsTicketSnapshot, toFsSnapshot } from "./snapshot.ts";

/**
 * The pipeline's view of Freshservice, every call a Freshservice MCP tool call through the
 * in-process client (so the pipeline policy, error boundary and audit apply).
 *
 * Credits: a plain `get_ticket` is one credit, with conversations two [reference §1]. So the
 * ticket is read bare, and its conversations are listed (one more credit) only when something
 * happened to it that we did not write: its `updated_at` is later than our own last write (kept
 * in Redis when the update and the note land), or, for a ticket we never wrote to, later than its
 * creation. The echo of our own update therefore costs one credit and finds nothing new.
 */
export type FsLoadedTicket = { snapshot: FsTicketSnapshot; markers: ReturnType<typeof findTriageMarkers> };

const MAX_CONVERSATION_PAGES = 5;
/** Our last write to a ticket is remembered this long; an older ticket is read like a new one. */
const LAST_WRITE_TTL_SECONDS = 30 * 24 * 3600;
/** A ticket touched within this long of its creation counts as untouched (the raise itself). */
const CREATION_SLACK_MS = 60_000;

export function lastWriteKey(prefix: string, ticketId: number): string {
  return `${prefix}:fs-last-write:${ticketId}`;
}

/**
 * The ticket as our update left it, waiting for that update's echo: the Workflow Automator fires
 * on every update, ours included, and the echo is recognised from this copy instead of a read,
 * so a triaged ticket costs its three credits and no more. Taken by the first update event after
 * our write; it expires if no echo comes (an account without an update automator).
 */
export function echoKey(prefix: string, ticketId: number): string {
  return `${prefix}:fs-echo:${ticketId}`;
}
/**
 * Long enough for an echo that waited its turn in the rate budget (the client waits up to two
 * minutes for it) to still find the copy.
 */
const ECHO_TTL_SECONDS = 300;
/**
 * Set while our update is in flight: the automator fires as Freshservice applies the update, so
 * its echo can reach a worker before the update's answer (and so the copy) is back. That echo
 * waits for the copy rather than reading the ticket.
 */
const ECHO_PENDING = "pending";
const PENDING_TTL_SECONDS = 180;
const PENDING_WAIT_MS = 30_000;
const PENDING_POLL_MS = 100;

export function createFreshservicePipelineTools(client: Client, store: { redis: Redis; keyPrefix: string }) {
  async function allConversations(ticketId: number): Promise<FsConversationOutput[]> {
    const items: FsConversationOutput[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_CONVERSATION_PAGES; page++) {
      const result = await callFreshserviceTool(
        client,
        "list_conversations",
        cursor ? { cursor } : { ticket_id: ticketId, per_page: 100 },
      );
      items.push(...result.items);
      cursor = result.next_cursor;
      if (!cursor) break;
    }
    return items;
  }

  /** Remembers the latest stamp our own writes left on the ticket. */
  async function wrote(ticketId: number, stamp: string | undefined): Promise<void> {
    const at = stamp ? Date.parse(stamp) : Number.NaN;
    if (!Number.isFinite(at)) return;
    const key = lastWriteKey(store.keyPrefix, ticketId);
    const previous = Number(await store.redis.get(key));
    if (Number.isFinite(previous) && previous >= at) return;
    await store.redis.set(key, String(at), "EX", LAST_WRITE_TTL_SECONDS);
  }

  async function touchedBySomeoneElse(ticket: FsTicketOutput): Promise<boolean> {
    const updated = Date.parse(ticket.updated_at);
    const raw = await store.redis.get(lastWriteKey(store.keyPrefix, ticket.id));
    if (raw !== null) return updated > Number(raw);
    return updated - Date.parse(ticket.created_at) > CREATION_SLACK_MS;
  }

  return {
    /** `withConversations` asks for them whatever the stamps say (a forced reprocess). */
    async loadTicket(ticketId: number, withConversations: boolean): Promise<FsLoadedTicket> {
      const ticket = await callFreshserviceTool(client, "get_ticket", {
        ticket_id: ticketId,
        include: [],
      });
      const conversations =
        withConversations || (await touchedBySomeoneElse(ticket)) ? await allConversations(ticketId) : [];
      return {
        snapshot: toFsSnapshot(ticket, conversations),
        markers: findTriageMarkers(
          conversations.filter((c) => c.kind === "private note").map((c) => c.body_text ?? ""),
        ),
      };
    },

    /** Returns the ticket as Freshservice stored it, which `update_ticket` answers with at no extra cost. */
    async updateTicket(ticketId: number, update: Record<string, unknown>): Promise<FsTicketSnapshot> {
      const key = echoKey(store.keyPrefix, ticketId);
      await store.redis.set(key, ECHO_PENDING, "EX", PENDING_TTL_SECONDS);
      let stored: Awaited<ReturnType<typeof callFreshserviceTool<"update_ticket">>>;
      try {
        stored = await callFreshserviceTool(client, "update_ticket", { ticket_id: ticketId, ...update });
      } catch (error) {
        // No update, no echo to wait for (a retry sets the mark again).
        await store.redis.del(key);
        throw error;
      }
      await wrote(ticketId, stored.updated_at);
      const snapshot = toFsSnapshot(stored, []);
      await store.redis.set(
        echoKey(store.keyPrefix, ticketId),
        JSON.stringify(snapshot),
        "EX",
        ECHO_TTL_SECONDS,
      );
      return snapshot;
    },

    /** Our own update's copy of the ticket, once, when its echo arrives (see echoKey). */
    async takeEcho(ticketId: number): Promise<FsTicketSnapshot | undefined> {
      const key = echoKey(store.keyPrefix, ticketId);
      const deadline = Date.now() + PENDING_WAIT_MS;
      while ((await store.redis.get(key)) === ECHO_PENDING && Date.now() < deadline) {
        await sleep(PENDING_POLL_MS);
      }
      // Taken only once the copy is there: a mark left pending stays for the copy it announces.
      if ((await store.redis.get(key)) === ECHO_PENDING) return undefined;
      const raw = await store.redis.getdel(key);
      return raw && raw !== ECHO_PENDING ? (JSON.parse(raw) as FsTicketSnapshot) : undefined;
    },

    async addPrivateNote(ticketId: number, html: string): Promise<number> {
      const note = await callFreshserviceTool(client, "add_note", {
        ticket_id: ticketId,
        body: html,
        private: true,
      });
      // Whether a note moves the ticket's updated_at is not documented [inferred: it may].
      await wrote(ticketId, note.created_at);
      return note.id;
    },

    /** The id of a note this job already posted (a retry after a crash mid-post), if any. */
    async findNoteOfJob(ticketId: number, markerJobId: string): Promise<number | undefined> {
      for (const conversation of await allConversations(ticketId)) {
        if (conversation.kind !== "private note") continue;
        const [marker] = findTriageMarkers([conversation.body_text ?? ""]);
        if (marker?.jobId === markerJobId) return conversation.id;
      }
      return undefined;
    },
  };
}

export type FreshservicePipelineTools = ReturnType<typeof createFreshservicePipelineTools>;
