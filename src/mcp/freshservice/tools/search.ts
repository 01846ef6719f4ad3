import { z } from "zod";
import { matchTickets } from "../../connector/ticket-text-match.ts";
import { READ } from "../../tool-kit.ts";
import { searchTermsOf } from "../../tools/find-solutions-for-ticket.ts";
import { defineFreshserviceTool, type FreshserviceToolContext } from "../context.ts";
import {
  type DocumentRef,
  documentId,
  documentUrl,
  isHiddenOrMissing,
  parseDocumentId,
} from "../shapes/documents.ts";

/** How far back, and how many, tickets free text is matched against (one list call). */
const TICKET_WINDOW_DAYS = 365;
const TICKETS_SCANNED = 100;
const MAX_EACH = 10;
/** `status:2 AND priority:4`, `group_id:5`: Freshservice's filter language rather than words. */
const QUERY_LANGUAGE = /^\(?\s*[a-z_][a-z0-9_]*\s*:\s*\S/i;

const resultOutput = z.object({
  id: z.string().describe("pass it to fetch"),
  title: z.string(),
  url: z.string(),
});
type SearchResult = z.output<typeof resultOutput>;

export const searchTool = defineFreshserviceTool({
  name: "search",
  title: "Search tickets and articles",
  description: [
    "Search the service desk's tickets and knowledge-base articles; returns ids, titles and links, and fetch reads any of them in full.",
    "Made for ChatGPT connectors and deep research. Words are matched against published articles and against the subjects of the 100 most recent tickets of the last year;",
    "a Freshservice filter query (status:2 AND priority:4) searches all tickets; ticket:42, #42 or article:17 finds that one record.",
    'Example: {"query": "vpn disconnects"}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  content: "json",
  input: z.object({ query: z.string().trim().min(1).max(200).describe("words, an id, or a ticket filter") }),
  output: z.object({ results: z.array(resultOutput) }),
  async handler(args, context) {
    const query = args.query;
    const ref = parseDocumentId(query) ?? parseTicketNumber(query);
    if (ref) return { results: await byId(ref, context) };
    const result = (kind: DocumentRef["kind"], id: number, title: string): SearchResult => ({
      id: documentId({ kind, id }),
      title,
      url: documentUrl({ kind, id }, context.portalUrl),
    });
    const ticketTitle = (t: { id: number; subject?: string | null }) =>
      `#${t.id} ${t.subject ?? "(no subject)"}`;
    if (QUERY_LANGUAGE.test(query)) {
      const found = await context.freshservice.tickets.filter(query, { page: 1 });
      return {
        results: found.items.slice(0, 2 * MAX_EACH).map((t) => result("ticket", t.id, ticketTitle(t))),
      };
    }
    const term = searchTermsOf(query) || query;
    const [articles, recent] = await Promise.all([
      context.freshservice.solutions.search(term, { perPage: MAX_EACH }),
      context.freshservice.tickets.list({
        updatedSince: new Date(Date.now() - TICKET_WINDOW_DAYS * 86_400_000).toISOString(),
        perPage: TICKETS_SCANNED,
      }),
    ]);
    const tickets = matchTickets(recent.items, term.split(" "), MAX_EACH).map((t) =>
      result("ticket", t.id, ticketTitle(t)),
    );
    const found = articles.items.slice(0, MAX_EACH).map((a) => result("article", a.id, a.title));
    return { results: interleave(tickets, found) };
  },
  render: (r) => r.results.map((x) => `${x.id} ${x.title} ${x.url}`).join("\n") || "No results.",
});

function parseTicketNumber(query: string): DocumentRef | undefined {
  const match = /^#?([1-9]\d{0,15})$/.exec(query);
  return match ? { kind: "ticket", id: Number(match[1]) } : undefined;
}

/** One record named by its id; none (not an error) when it does not exist or is hidden. */
async function byId(ref: DocumentRef, context: FreshserviceToolContext): Promise<SearchResult[]> {
  try {
    const title =
      ref.kind === "ticket"
        ? `#${ref.id} ${(await context.freshservice.tickets.get(ref.id)).subject ?? "(no subject)"}`
        : (await context.freshservice.solutions.article(ref.id)).title;
    return [{ id: documentId(ref), title, url: documentUrl(ref, context.portalUrl) }];
  } catch (error) {
    if (isHiddenOrMissing(error)) return [];
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
