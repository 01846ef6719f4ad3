// Knowledge-base objects on the wire (reference §7), keys in order.
import type { FdSolutionArticle, FdSolutionCategory, FdSolutionFolder } from "../seed/types.ts";

type WireObject = Record<string, unknown>;

export function renderCategory(c: FdSolutionCategory): WireObject {
  const out: WireObject = {
    id: c.id,
    name: c.name,
    description: c.description,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
  if (c.visible_in_portals !== undefined) out.visible_in_portals = [...c.visible_in_portals];
  return out;
}

export function renderFolder(f: FdSolutionFolder): WireObject {
  const out: WireObject = {
    id: f.id,
    name: f.name,
    description: f.description,
    visibility: f.visibility,
    category_id: f.category_id,
    created_at: f.created_at,
    updated_at: f.updated_at,
  };
  if (f.company_ids !== undefined) out.company_ids = [...f.company_ids];
  if (f.contact_segment_ids !== undefined) out.contact_segment_ids = [...f.contact_segment_ids];
  if (f.company_segment_ids !== undefined) out.company_segment_ids = [...f.company_segment_ids];
  return out;
}

function articleHead(a: FdSolutionArticle): WireObject {
  return {
    id: a.id,
    type: a.type,
    status: a.status,
    agent_id: a.agent_id,
    created_at: a.created_at,
    category_id: a.category_id,
    folder_id: a.folder_id,
    title: a.title,
    updated_at: a.updated_at,
  };
}

/** The folder-list variant omits `description` and `attachments` (reference §7). */
export function renderArticle(a: FdSolutionArticle, variant: "show" | "list"): WireObject {
  const out = articleHead(a);
  if (variant === "show") out.description = a.description;
  out.description_text = a.description_text;
  out.seo_data = { ...a.seo_data };
  out.tags = [...a.tags];
  if (variant === "show") out.attachments = structuredClone(a.attachments);
  out.cloud_files = structuredClone(a.cloud_files);
  out.thumbs_up = a.thumbs_up;
  out.thumbs_down = a.thumbs_down;
  out.hits = a.hits;
  if (a.suggested !== undefined) out.suggested = a.suggested;
  out.feedback_count = a.feedback_count;
  return out;
}

export function articlePath(a: Pick<FdSolutionArticle, "id" | "title">): string {
  const slug = a.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${a.id}-${slug}`;
}

/** An item of `GET /search/solutions` (reference §7 "Search result item"). */
export function renderArticleSearchItem(
  a: FdSolutionArticle,
  folder: FdSolutionFolder | undefined,
  category: FdSolutionCategory | undefined,
): WireObject {
  const out = articleHead(a);
  out.description = a.description;
  out.description_text = a.description_text;
  out.folder_visibility = folder?.visibility ?? null;
  out.path = articlePath(a);
  out.modified_at = a.updated_at;
  out.modified_by = a.agent_id;
  // Freshdesk's internal id of the account's primary language (English).
  out.language_id = 6;
  out.language = "en";
  out.visibility = folder?.visibility ?? null;
  out.category_name = category?.name ?? null;
  out.folder_name = folder?.name ?? null;
  return out;
}
