import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { callTool } from "../src/mcp/in-process-client.ts";
import type { ConversationOutput } from "../src/mcp/shapes/conversation.ts";
import type { TicketOutput } from "../src/mcp/shapes/ticket.ts";
import type { TicketUpdate } from "../src/triage/index.ts";
import { findTriageMarkers, type TicketSnapshot, type TriageMarker } from "../src/triage/index.ts";

/**
 * The pipeline's view of Freshdesk, every call an MCP tool call through the in-process client
 * (so the pipeline policy, error boundary and audit apply). Maps tool output into the triage
 * steps' own `TicketSnapshot`.
 */
export type LoadedTicket = { snapshot: TicketSnapshot; markers: TriageMarker[] };

const CONVERSATIONS_EMBEDDED = 10;
const MAX_CONVERSATION_PAGES = 5;

export function createPipelineTools(client: Client) {
  async function allConversations(ticketId: number): Promise<ConversationOutput[]> {
    const items: ConversationOutput[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_CONVERSATION_PAGES; page++) {
      const result = await callTool(
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

  return {
    /**
     * A new ticket has no conversations yet, so "created" events skip the embed and save a
     * credit; other events need the customer's latest reply.
     */
    async loadTicket(ticketId: number, withConversations: boolean): Promise<LoadedTicket> {
      const ticket = await callTool(client, "get_ticket", {
        ticket_id: ticketId,
        include: withConversations ? ["conversations"] : [],
      });
      let conversations = ticket.conversations ?? [];
      if (withConversations && conversations.length >= CONVERSATIONS_EMBEDDED) {
        conversations = await allConversations(ticketId);
      }
      return {
        snapshot: toSnapshot(ticket, conversations),
        markers: findTriageMarkers(privateNoteBodies(conversations)),
      };
    },

    /** Returns the ticket as Freshdesk stored it, which `update_ticket` answers with at no extra cost. */
    async updateTicket(ticketId: number, update: TicketUpdate): Promise<TicketSnapshot> {
      return toSnapshot(await callTool(client, "update_ticket", { ticket_id: ticketId, ...update }), []);
    },

    async addPrivateNote(ticketId: number, html: string): Promise<number> {
      const note = await callTool(client, "add_note", { ticket_id: ticketId, body: html, private: true });
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

export type PipelineTools = ReturnType<typeof createPipelineTools>;

function privateNoteBodies(conversations: readonly ConversationOutput[]): string[] {
  return conversations.filter((c) => c.kind === "private note").map((c) => c.body_text ?? "");
}

function toSnapshot(ticket: TicketOutput, conversations: readonly ConversationOutput[]): TicketSnapshot {
  return {
    id: ticket.id,
    subject: ticket.subject ?? "",
    descriptionText: ticket.description_text ?? "",
    requesterEmail:
      ticket.requester?.email ?? (ticket.requester_id ? `id:${ticket.requester_id}` : undefined),
    requesterName: ticket.requester?.name,
    companyId: ticket.company_id ?? null,
    companyName: ticket.company_name,
    priority: clampPriority(ticket.priority),
    groupId: ticket.group_id ?? null,
    responderId: ticket.responder_id ?? null,
    type: ticket.type ?? null,
    tags: ticket.tags ?? [],
    status: ticket.status,
    source: ticket.source ?? 2,
    spam: ticket.spam === true,
    deleted: ticket.deleted === true,
    createdAt: ticket.created_at,
    dueBy: ticket.due_by ?? null,
    frDueBy: ticket.fr_due_by ?? null,
    customFields: ticket.custom_fields,
    customerMessages: conversations
      .filter((c) => c.incoming === true && c.private !== true)
      .map((c) => ({ bodyText: c.body_text ?? "", createdAt: c.created_at, fromEmail: c.from_email })),
  };
}

function clampPriority(value: number): 1 | 2 | 3 | 4 {
  return (value >= 1 && value <= 4 ? value : 1) as 1 | 2 | 3 | 4;
}
