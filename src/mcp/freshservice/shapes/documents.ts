import { FreshdeskAuthError, FreshdeskNotFoundError } from "../../../freshdesk/index.ts";
import { clip } from "../../output/clean.ts";
import { bodyText } from "../../output/html-to-text.ts";
import type { FreshserviceToolContext } from "../context.ts";
import { fsNamesFor } from "../context.ts";
import { categoryPath, fsTicketUrl, renderFsTicket, toFsTicketOutput } from "./ticket.ts";

/**
 * The records `search` finds and `fetch` reads, for ChatGPT connectors: `ticket:42` and
 * `article:17`, each with a title, plain text, a link and string metadata.
 */
export type DocumentRef = { kind: "ticket" | "article"; id: number };

export type FsDocument = { title: string; text: string; url: string; metadata: Record<string, string> };

export const DOCUMENT_ID_FORMS = 'ticket:<number> or article:<number>, e.g. "ticket:42"';

export function documentId(ref: DocumentRef): string {
  return `${ref.kind}:${ref.id}`;
}

export function parseDocumentId(value: string): DocumentRef | undefined {
  const match = /^(ticket|article):([1-9]\d{0,15})$/i.exec(value.trim());
  return match ? { kind: match[1]!.toLowerCase() as DocumentRef["kind"], id: Number(match[2]) } : undefined;
}

/** Where a person opens a record: the portal page, or a freshservice:// name without a portal. */
export function documentUrl(ref: DocumentRef, portalUrl: string | undefined): string {
  if (ref.kind === "ticket") return fsTicketUrl(portalUrl, ref.id) ?? `freshservice://tickets/${ref.id}`;
  // The agent portal's article page [inferred: same path scheme as Freshdesk's].
  return portalUrl
    ? `${portalUrl.replace(/\/+$/, "")}/a/solutions/articles/${ref.id}`
    : `freshservice://solutions/articles/${ref.id}`;
}

/** A record the caller's Freshservice permissions hide is, for a search, simply not found. */
export function isHiddenOrMissing(error: unknown): boolean {
  return (
    error instanceof FreshdeskNotFoundError || (error instanceof FreshdeskAuthError && error.status === 403)
  );
}

/** One page of conversations goes into a fetched ticket; longer threads say where the rest is. */
const CONVERSATIONS = 100;

export async function readDocument(ref: DocumentRef, context: FreshserviceToolContext): Promise<FsDocument> {
  const budget = Math.max(2_000, context.limits.maxResultChars - 2_000);
  const url = documentUrl(ref, context.portalUrl);
  if (ref.kind === "article") {
    const article = await context.freshservice.solutions.article(ref.id);
    const metadata: Record<string, string> = {
      type: "article",
      status: article.status === 2 ? "published" : "draft",
    };
    if (article.updated_at) metadata.updated_at = article.updated_at;
    if (article.tags?.length) metadata.tags = article.tags.join(", ");
    return {
      title: article.title,
      text: clip(bodyText(article.description_text, article.description), budget),
      url,
      metadata,
    };
  }
  const [ticket, conversations, names] = await Promise.all([
    context.freshservice.tickets.get(ref.id, { include: ["requester"] }),
    context.freshservice.conversations.list(ref.id, { perPage: CONVERSATIONS }),
    fsNamesFor(context),
  ]);
  const output = toFsTicketOutput({ ...ticket, conversations: conversations.items }, names, {
    portalUrl: context.portalUrl,
    maxBody: context.limits.maxBodyChars,
  });
  const lines = [renderFsTicket(output)];
  if (conversations.nextPage !== undefined) {
    lines.push("", `(Only the first ${CONVERSATIONS} conversations; list_conversations has the rest.)`);
  }
  const metadata: Record<string, string> = {
    type: "ticket",
    status: output.status_name ?? String(output.status),
    priority: output.priority_name ?? String(output.priority),
    created_at: output.created_at,
    updated_at: output.updated_at,
  };
  const extra: Record<string, string | undefined> = {
    ticket_type: output.type,
    urgency: output.urgency_name,
    impact: output.impact_name,
    category: categoryPath(output),
    group: output.group_name,
    agent: output.responder_name,
    requester: output.requester?.name,
    department: output.department_name,
  };
  for (const [key, value] of Object.entries(extra)) if (value) metadata[key] = value;
  return {
    title: `#${ticket.id} ${ticket.subject ?? "(no subject)"}`,
    text: clip(lines.join("\n"), budget, "list_conversations pages through the rest"),
    url,
    metadata,
  };
}
