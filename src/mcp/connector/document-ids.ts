import type { ToolContext } from "../deps.ts";
import { articleResource } from "../resources/article.ts";
import { idFromUri, type ResourceDocument } from "../resources/define-resource.ts";
import { ticketResource } from "../resources/ticket.ts";

/**
 * The ids the `search` and `fetch` tools exchange: `ticket:123` and `article:45` (a resource
 * URI such as `freshdesk://tickets/123` is taken too).
 */
export type DocumentRef = { kind: "ticket" | "article"; id: number };

export const DOCUMENT_ID_FORMS = 'ticket:<number> or article:<number>, e.g. "ticket:42"';

export function documentId(ref: DocumentRef): string {
  return `${ref.kind}:${ref.id}`;
}

export function parseDocumentId(value: string): DocumentRef | undefined {
  const text = value.trim();
  const match = /^(ticket|article):([1-9]\d{0,15})$/i.exec(text);
  if (match) return { kind: match[1]!.toLowerCase() as DocumentRef["kind"], id: Number(match[2]) };
  const ticket = idFromUri(ticketResource, text);
  if (ticket !== undefined) return { kind: "ticket", id: ticket };
  const article = idFromUri(articleResource, text);
  if (article !== undefined) return { kind: "article", id: article };
  return undefined;
}

export function readDocument(ref: DocumentRef, context: ToolContext): Promise<ResourceDocument> {
  return (ref.kind === "ticket" ? ticketResource : articleResource).read(ref.id, context);
}
