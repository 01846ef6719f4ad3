import type { Resource } from "@modelcontextprotocol/sdk/types.js";
import type { ToolContext } from "../deps.ts";
import { articleResource } from "./article.ts";
import { uriFor } from "./define-resource.ts";
import { ticketResource } from "./ticket.ts";

/**
 * resources/list: a bounded walk, one step per page. Step n holds page n of the most recently
 * updated tickets (30 a page, at most three pages) and the published articles of the n-th
 * knowledge-base category (at most ten folders of it), so even a client that reads only the first
 * page sees both kinds. The cursor is signed like the tools' cursors and remembers which kinds
 * still have more.
 */
const CURSOR_OWNER = "resources/list";
const TICKETS_PER_PAGE = 30;
const MAX_TICKET_PAGES = 3;
const MAX_FOLDERS_PER_CATEGORY = 10;
const ARTICLES_PER_FOLDER = 100;
const PUBLISHED = 2;

export type ResourceKinds = { tickets: boolean; articles: boolean };

export type ResourcePage = { resources: Resource[]; nextCursor?: string };

export async function listResources(
  context: ToolContext,
  visible: ResourceKinds,
  cursor: string | undefined,
): Promise<ResourcePage> {
  const { step, more } = where(context, visible, cursor);
  const [tickets, articles] = await Promise.all([
    more.tickets ? ticketStep(context, step) : { resources: [], more: false },
    more.articles ? articleStep(context, step) : { resources: [], more: false },
  ]);
  const next = { tickets: tickets.more, articles: articles.more };
  const page: ResourcePage = { resources: [...tickets.resources, ...articles.resources] };
  if (next.tickets || next.articles) {
    page.nextCursor = context.cursors.encode(CURSOR_OWNER, { page: step + 1, offset: 0 }, next);
  }
  return page;
}

function where(
  context: ToolContext,
  visible: ResourceKinds,
  cursor: string | undefined,
): { step: number; more: ResourceKinds } {
  if (cursor === undefined) return { step: 1, more: visible };
  const decoded = context.cursors.decode(CURSOR_OWNER, cursor);
  // A cursor never widens what the caller may see.
  return {
    step: decoded.position.page,
    more: {
      tickets: visible.tickets && decoded.args.tickets === true,
      articles: visible.articles && decoded.args.articles === true,
    },
  };
}

async function ticketStep(context: ToolContext, step: number) {
  if (step > MAX_TICKET_PAGES) return { resources: [], more: false };
  const page = await context.freshdesk.tickets.list({
    order_by: "updated_at",
    order_type: "desc",
    perPage: TICKETS_PER_PAGE,
    page: step,
  });
  const resources: Resource[] = page.items.map((t) => ({
    uri: uriFor(ticketResource, t.id),
    name: `#${t.id} ${t.subject ?? "(no subject)"}`,
    description: `Ticket, updated ${t.updated_at}`,
    mimeType: ticketResource.mimeType,
    annotations: { lastModified: t.updated_at },
  }));
  return { resources, more: page.nextPage !== undefined && step < MAX_TICKET_PAGES };
}

async function articleStep(context: ToolContext, step: number) {
  const categories = (await context.freshdesk.solutions.listCategories()).items;
  const category = categories[step - 1];
  if (!category) return { resources: [], more: false };
  const folders = (await context.freshdesk.solutions.listFolders(category.id, { perPage: 100 })).items;
  const pages = await Promise.all(
    folders
      .slice(0, MAX_FOLDERS_PER_CATEGORY)
      .map((f) => context.freshdesk.solutions.listArticles(f.id, { perPage: ARTICLES_PER_FOLDER })),
  );
  const resources: Resource[] = pages
    .flatMap((p) => p.items)
    .filter((a) => a.status === PUBLISHED)
    .map((a) => ({
      uri: uriFor(articleResource, a.id),
      name: a.title,
      description: `Knowledge-base article in "${category.name}", updated ${a.updated_at}`,
      mimeType: articleResource.mimeType,
      annotations: { lastModified: a.updated_at },
    }));
  return { resources, more: step < categories.length };
}
