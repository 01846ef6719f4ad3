import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { callFreshserviceTool } from "../../src/mcp/freshservice/call-tool.ts";
import type { AssetOutput } from "../../src/mcp/freshservice/shapes/assets.ts";
import type { RequesterOutput } from "../../src/mcp/freshservice/shapes/people.ts";
import type { SolutionArticleOutput } from "../../src/mcp/freshservice/shapes/solutions.ts";
import type { TicketFieldOutput } from "../../src/mcp/freshservice/shapes/ticket-field.ts";
import type {
  CategoryNode,
  Choice,
  RequesterAsset,
  TicketForm,
} from "../../src/triage/freshservice/index.ts";
import { buildSolutionIndex, PUBLISHED, type SolutionIndex } from "../../src/triage/index.ts";

/**
 * Account-wide Freshservice data triage needs for every ticket: the ticket form (category tree,
 * urgency, impact, types), agent groups, departments, requesters (their departments), assets by
 * the requester using them, and the knowledge-base index. Loaded through the same MCP client,
 * kept for `ttlMs`, refreshed by one caller at a time, so credits are paid per refresh, never per
 * ticket: that is what keeps a ticket's triage at three credits (read, update, note) while its
 * note still names the requester's department and assets. A failed refresh keeps serving the
 * previous snapshot.
 */
export type FsRequester = { id: number; name: string; email?: string | undefined; departmentIds: number[] };

export type FsAccountSnapshot = {
  form: TicketForm;
  groups: Array<{ id: number; name: string }>;
  departments: Array<{ id: number; name: string }>;
  requesters: Map<number, FsRequester>;
  /** Lower-cased email → requester id, for hints that name the requester by email. */
  requesterIdsByEmail: Map<string, number>;
  /** Requester id → the assets they use. */
  assetsByUser: Map<number, RequesterAsset[]>;
  solutions: SolutionIndex;
  loadedAt: number;
};

/** Caps on what one refresh reads; a larger account is read up to here (the rest is not named in notes). */
const MAX_REQUESTER_PAGES = 50;
const MAX_ASSET_PAGES = 40;
const MAX_ARTICLE_PAGES = 20;

type Page<T> = { items: T[]; next_cursor?: string | undefined };

export function createFsAccountSnapshotCache(
  client: Client,
  options: { ttlMs?: number; now?: () => number } = {},
) {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  let current: FsAccountSnapshot | undefined;
  let loading: Promise<FsAccountSnapshot> | undefined;

  /** Every page of a paged list tool, up to `maxPages`. */
  async function pages<T>(
    first: () => Promise<Page<T>>,
    next: (cursor: string) => Promise<Page<T>>,
    maxPages: number,
  ): Promise<T[]> {
    const items: T[] = [];
    let result = await first();
    for (let page = 1; ; page++) {
      items.push(...result.items);
      if (!result.next_cursor || page >= maxPages) return items;
      result = await next(result.next_cursor);
    }
  }

  async function loadSolutionIndex(): Promise<SolutionIndex> {
    const categories = await callFreshserviceTool(client, "list_solution_categories", {});
    const articles: SolutionArticleOutput[] = [];
    for (const category of categories.items) {
      const folders = await callFreshserviceTool(client, "list_solution_folders", {
        category_id: category.id,
      });
      for (const folder of folders.items) {
        articles.push(
          ...(await pages(
            () => callFreshserviceTool(client, "list_solution_articles", { folder_id: folder.id }),
            (cursor) => callFreshserviceTool(client, "list_solution_articles", { cursor }),
            MAX_ARTICLE_PAGES,
          )),
        );
      }
    }
    return buildSolutionIndex(
      articles.map((a) => ({
        id: a.id,
        title: a.title,
        status: a.status === PUBLISHED ? PUBLISHED : 1,
        descriptionText: a.description_text,
        tags: [...(a.tags ?? []), ...(a.keywords ?? [])],
      })),
    );
  }

  async function load(): Promise<FsAccountSnapshot> {
    const fields = await callFreshserviceTool(client, "list_ticket_fields", {});
    const groups = await callFreshserviceTool(client, "list_groups", {});
    const departments = await callFreshserviceTool(client, "list_departments", {});
    const requesters: RequesterOutput[] = await pages(
      () => callFreshserviceTool(client, "list_requesters", { per_page: 100 }),
      (cursor) => callFreshserviceTool(client, "list_requesters", { cursor }),
      MAX_REQUESTER_PAGES,
    );
    const assets: AssetOutput[] = await pages(
      () => callFreshserviceTool(client, "list_assets", { per_page: 100 }),
      (cursor) => callFreshserviceTool(client, "list_assets", { cursor }),
      MAX_ASSET_PAGES,
    );
    const assetsByUser = new Map<number, RequesterAsset[]>();
    for (const asset of assets) {
      if (asset.user_id === undefined) continue;
      const list = assetsByUser.get(asset.user_id) ?? [];
      list.push({
        displayId: asset.display_id,
        name: asset.name,
        // The asset type's name (Laptop, Monitor) says what kind of device it is.
        typeName: asset.asset_type_name ?? asset.description_text,
        assetTag: asset.asset_tag,
      });
      assetsByUser.set(asset.user_id, list);
    }
    return {
      form: ticketFormFromTool(fields.fields),
      groups: groups.items.map((g) => ({ id: g.id, name: g.name })),
      departments: departments.items.map((d) => ({ id: d.id, name: d.name })),
      requesters: new Map(
        requesters.map((r) => [
          r.id,
          {
            id: r.id,
            name: r.name,
            email: r.primary_email,
            departmentIds: (r.departments ?? []).map((d) => d.id),
          },
        ]),
      ),
      requesterIdsByEmail: new Map(
        requesters.flatMap((r) => (r.primary_email ? [[r.primary_email.toLowerCase(), r.id] as const] : [])),
      ),
      assetsByUser,
      solutions: await loadSolutionIndex(),
      loadedAt: now(),
    };
  }

  return {
    async get(): Promise<FsAccountSnapshot> {
      if (current && now() - current.loadedAt < ttlMs) return current;
      loading ??= load().finally(() => {
        loading = undefined;
      });
      try {
        current = await loading;
      } catch (error) {
        if (!current) throw error;
      }
      return current;
    },
    invalidate(): void {
      current = undefined;
    },
  };
}

export type FsAccountSnapshotCache = ReturnType<typeof createFsAccountSnapshotCache>;

/** The form as `list_ticket_fields` shows it (choices with ids, the category tree spelled out). */
export function ticketFormFromTool(fields: readonly TicketFieldOutput[]): TicketForm {
  const choices = (type: string): Choice[] =>
    (fields.find((f) => f.type === type)?.choices ?? []).flatMap((c) =>
      c.id === undefined ? [] : [{ id: c.id, value: c.value }],
    );
  const tree =
    fields.find((f) => f.type === "default_category" || f.name === "category")?.category_tree ?? [];
  const categories: CategoryNode[] = tree.map((level1) => ({
    value: level1.value,
    children: (level1.sub_categories ?? []).map((level2) => ({
      value: level2.value,
      children: (level2.item_categories ?? []).map((value) => ({ value, children: [] })),
    })),
  }));
  return {
    categories,
    urgency: choices("default_urgency"),
    impact: choices("default_impact"),
    priority: choices("default_priority"),
    types: (fields.find((f) => f.type === "default_ticket_type")?.choices ?? []).map((c) => c.value),
  };
}
