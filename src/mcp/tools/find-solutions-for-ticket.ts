import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { articleOutput, renderArticleLine, toArticleOutput } from "../shapes/knowledge.ts";
import { id, READ, renderList } from "../tool-kit.ts";

const STOP_WORDS = new Set(
  "a an and are can cannot could do does for from have help how i in is it my no not of on or our please re fw fwd the this to we what when why with you your".split(
    " ",
  ),
);

/** The distinctive words of a subject, which search better than the whole sentence. */
export function searchTermsOf(subject: string): string {
  const words = subject
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  return [...new Set(words)].slice(0, 6).join(" ");
}

export const findSolutionsForTicket = defineTool({
  name: "find_solutions_for_ticket",
  title: "Find articles for a ticket",
  description: [
    "Search the knowledge base with the distinctive words of a ticket's subject and return the best-matching articles.",
    "Use it as a first step when answering a ticket; refine with search_solutions using your own words if nothing fits.",
    'Example: {"ticket_id": 42}.',
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({
    ticket_id: id("the ticket's number"),
    limit: z.number().int().min(1).max(10).default(5),
  }),
  output: z.object({ ticket_id: z.number(), search_term: z.string(), items: z.array(articleOutput) }),
  async handler(args, context) {
    const ticket = await context.freshdesk.tickets.get(args.ticket_id);
    const term = searchTermsOf(ticket.subject ?? "");
    if (term === "") return { ticket_id: ticket.id, search_term: "", items: [] };
    const result = await context.freshdesk.solutions.search(term);
    return {
      ticket_id: ticket.id,
      search_term: term,
      items: result.results.slice(0, args.limit).map((a) => toArticleOutput(a, 500)),
    };
  },
  render: (r) =>
    `Articles for "${r.search_term}":\n${renderList(r.items, renderArticleLine, { empty: "No articles match." })}`,
});
