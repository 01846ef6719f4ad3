import { z } from "zod";
import type { Ticket } from "../../freshdesk/index.ts";
import { FreshdeskAuthError, FreshdeskNotFoundError } from "../../freshdesk/index.ts";
import { documentId, parseDocumentId } from "../connector/document-ids.ts";
import { matchTickets } from "../connector/ticket-text-match.ts";
import { defineTool } from "../define-tool.ts";
import type { ToolContext } from "../deps.ts";
import { articleUrl } from "../resources/article.ts";
import { ticketUrl } from "../shapes/ticket.ts";
import { READ } from "../tool-kit.ts";
import { searchTermsOf } from "./find-solutions-for-ticket.ts";

/** How far back, and how many, tickets free text is matched against (one API credit). */
const TICKET_WINDOW_DAYS = 365;
const TICKETS_SCANNED = 100;
const MAX_EACH = 10;
/** `status:2 AND priority:4`, `tag:'vip'`: Freshdesk's query language rather than words. */
const QUERY_LANGUAGE = /^\(?\s*[a-z_][a-z0-9_]*\s*:\s*\S/i;

const resultOutput = z.object({
  id: z.string().describe("pass it to fetch"),
  title: z.string(),
  url: z.string(),
});
type SearchResult = z.output<typeof resultOutput>;

export const searchTool = defineTool({
  name: "search",
  title: "Search tickets and articles",
  description: [
    "Search the helpdesk's tickets and knowledge-base articles; returns ids, titles and links, and fetch reads any of them in full.",
    "Made for ChatGPT connectors and deep research. Words are matched against article text and against the subject and tags of the 100 most recently updated tickets of the last year;",
    "a Freshdesk ticket query (status:2 AND priority:4) searches all tickets; ticket:42, #42 or article:17 finds that one record.",
    'Example: {"query": "refund invoice"}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  content: "json",
  input: z.object({ query: z.string().trim().min(1).max(200).describe("words, an id, or a ticket query") }),
  output: z.object({ results: z.array(resultOutput) }),
  async handler(args, context) {
    const query = args.query;
    const ref = parseDocumentId(query) ?? parseTicketNumber(query);
    if (ref) return { results: await byId(ref, context) };
    if (QUERY_LANGUAGE.test(query)) {
      const found = await context.freshdesk.search.tickets(query, 1);
      return { results: found.results.slice(0, 2 * MAX_EACH).map((t) => ticketResult(t, context.portalUrl)) };
    }
    const words = searchTermsOf(query);
    const term = words || query;
    const [articles, recent] = await Promise.all([
      context.freshdesk.solutions.search(term),
      context.freshdesk.tickets.list({
        order_by: "updated_at",
        order_type: "desc",
        perPage: TICKETS_SCANNED,
        updated_since: new Date(Date.now() - TICKET_WINDOW_DAYS * 86_400_000).toISOString(),
      }),
    ]);
    const tickets = matchTickets(recent.items, term.split(" "), MAX_EACH).map((t) =>
      ticketResult(t, context.portalUrl),
    );
    const found = articles.results.slice(0, MAX_EACH).map(
      (a): SearchResult => ({
        id: documentId({ kind: "article", id: a.id }),
        title: a.title,
        url: articleUrl(context.portalUrl, a.id) ?? `freshdesk://solutions/articles/${a.id}`,
      }),
    );
    return { results: interleave(tickets, found) };
  },
  render: (r) => r.results.map((x) => `${x.id} ${x.title} ${x.url}`).join("\n") || "No results.",
});

function parseTicketNumber(query: string) {
  const match = /^#?([1-9]\d{0,15})$/.exec(query);
  return match ? { kind: "ticket" as const, id: Number(match[1]) } : undefined;
}

function ticketResult(ticket: Ticket, portalUrl: string | undefined): SearchResult {
  return {
    id: documentId({ kind: "ticket", id: ticket.id }),
    title: `#${ticket.id} ${ticket.subject ?? "(no subject)"}`,
    url: ticketUrl(portalUrl, ticket.id) ?? `freshdesk://tickets/${ticket.id}`,
  };
}

/** One record named by its id; none (not an error) when it does not exist or is hidden. */
async function byId(
  ref: { kind: "ticket" | "article"; id: number },
  context: ToolContext,
): Promise<SearchResult[]> {
  try {
    if (ref.kind === "ticket")
      return [ticketResult(await context.freshdesk.tickets.get(ref.id), context.portalUrl)];
    const article = await context.freshdesk.solutions.getArticle(ref.id);
    return [
      {
        id: documentId(ref),
        title: article.title,
        url: articleUrl(context.portalUrl, ref.id) ?? `freshdesk://solutions/articles/${ref.id}`,
      },
    ];
  } catch (error) {
    // A record the caller's Freshdesk permissions hide is, for a search, simply not found.
    if (
      error instanceof FreshdeskNotFoundError ||
      (error instanceof FreshdeskAuthError && error.status === 403)
    ) {
      return [];
    }
    throw error;
  }
}

function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!);
    if (i < b.length) out.push(b[i]!);
  }
  return out;
}
