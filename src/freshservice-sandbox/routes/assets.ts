// Assets (reference §7), addressed by display_id: list with `search="name:'dell'"` and
// `filter="asset_state:'IN STOCK' AND user_id:123"` (30 per page, at most 40 pages),
// `include=type_fields`, ordering; show; and the asset types that name `asset_type_id`.
import { type FieldError, fieldError, oneOf, throwIfAny } from "../../sandbox/http/errors.ts";
import { parseInclude } from "../../sandbox/http/include.ts";
import { PAGING_PARAMS, pageOf, parsePaging, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import type { FsAsset } from "../seed/types.ts";
import { FILTER_MAX_PAGE, found, workspaceFilter } from "./list-helpers.ts";
import { parseRecordQuery, type QueryFields } from "./record-query.ts";

const LIST_PARAMS = [
  ...PAGING_PARAMS,
  "search",
  "filter",
  "include",
  "order_by",
  "order_type",
  "trashed",
  "workspace_id",
];
const SEARCH_PAGE_SIZE = 30;
const ORDER_BY = ["created_at", "updated_at", "id", "name"] as const;

/** `filter=` fields [DOC filter assets: type, department, location, state, user, agent, dates…]. */
const FILTER_FIELDS: QueryFields<FsAsset> = {
  asset_type_id: { type: "number", get: (a) => a.asset_type_id },
  department_id: { type: "number", get: (a) => a.department_id },
  location_id: { type: "number", get: (a) => a.location_id },
  asset_state: { type: "string", get: (a) => a.type_fields.asset_state },
  user_id: { type: "number", get: (a) => a.user_id },
  agent_id: { type: "number", get: (a) => a.agent_id },
  group_id: { type: "number", get: (a) => a.group_id },
  name: { type: "string", get: (a) => a.name },
  asset_tag: { type: "string", get: (a) => a.asset_tag },
  impact: { type: "string", get: (a) => a.impact },
  usage_type: { type: "string", get: (a) => a.usage_type },
  created_at: { type: "date", get: (a) => a.created_at },
  updated_at: { type: "date", get: (a) => a.updated_at },
};

/** `search=` fields [DOC]; a value matches when the field contains it, ignoring case [inferred]. */
const SEARCH_FIELDS: Record<string, (a: FsAsset) => unknown> = {
  name: (a) => a.name,
  asset_tag: (a) => a.asset_tag,
  serial_number: (a) => a.type_fields.serial_number,
  mac_addresses: (a) => a.type_fields.mac_address,
  ip_addresses: (a) => a.type_fields.ip_address,
  uuid: (a) => a.type_fields.uuid,
  item_id: (a) => a.type_fields.item_id,
  imei: (a) => a.type_fields.imei,
};

/** `search="field:'value'"` — one field, quoted like the filters. */
function parseSearch(raw: string, errors: FieldError[]): ((asset: FsAsset) => boolean) | undefined {
  const match = /^"(\w+):'((?:[^'\\]|\\.)*)'"$/.exec(raw.trim());
  if (!match) {
    errors.push(fieldError("search", "invalid_value", "It should be a quoted search like \"name:'dell'\""));
    return undefined;
  }
  const [, field = "", value = ""] = match;
  const get = SEARCH_FIELDS[field];
  if (!get) {
    errors.push(fieldError("search", "invalid_value", oneOf(Object.keys(SEARCH_FIELDS))));
    return undefined;
  }
  const wanted = value.toLowerCase();
  return (asset) =>
    String(get(asset) ?? "")
      .toLowerCase()
      .includes(wanted);
}

/** The asset as the API shows it: `type_fields` only when asked for (+2 credits on a list, §7). */
function render(asset: FsAsset, withTypeFields: boolean): Record<string, unknown> {
  const { type_fields, ...rest } = structuredClone(asset);
  return withTypeFields ? { ...rest, type_fields } : rest;
}

export function assetRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/assets", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, LIST_PARAMS);
    const narrowed = query.search !== undefined || query.filter !== undefined;
    const paging = parsePaging(query, errors);
    if (narrowed && query.per_page !== undefined) {
      errors.push(fieldError("per_page", "invalid_field", "Search and filter results come 30 per page"));
    }
    if (narrowed && paging.page > FILTER_MAX_PAGE) {
      errors.push(
        fieldError(
          "page",
          "invalid_value",
          `It should be a Positive Integer less than or equal to ${FILTER_MAX_PAGE}`,
        ),
      );
    }
    if (query.search !== undefined && query.filter !== undefined) {
      errors.push(fieldError("search", "incompatible_field", "search and filter cannot be used together"));
    }
    const include = parseInclude(query.include, ["type_fields"] as const, errors);
    const orderBy = query.order_by ?? "created_at";
    if (!(ORDER_BY as readonly string[]).includes(orderBy))
      errors.push(fieldError("order_by", "invalid_value", oneOf(ORDER_BY)));
    const orderType = query.order_type ?? "desc";
    if (orderType !== "asc" && orderType !== "desc")
      errors.push(fieldError("order_type", "invalid_value", oneOf(["asc", "desc"])));
    if (query.trashed !== undefined && query.trashed !== "true" && query.trashed !== "false") {
      errors.push(fieldError("trashed", "datatype_mismatch", "It should be a/an Boolean"));
    }
    const inWorkspace = workspaceFilter(query, store.workspaceId, errors);
    const search = query.search === undefined ? undefined : parseSearch(query.search, errors);
    const filter =
      query.filter === undefined
        ? undefined
        : parseRecordQuery(query.filter, "filter", FILTER_FIELDS, errors);
    throwIfAny(errors);
    const key = orderBy as (typeof ORDER_BY)[number];
    const direction = orderType === "asc" ? 1 : -1;
    const rows = [...store.assets.values()]
      // The sandbox keeps no trash: `trashed=true` lists nothing.
      .filter(() => query.trashed !== "true")
      .filter(inWorkspace)
      .filter((asset) => search === undefined || search(asset))
      .filter((asset) => filter === undefined || filter.matches(asset))
      .sort(
        (a, b) => direction * (String(a[key]).localeCompare(String(b[key])) || a.display_id - b.display_id),
      );
    const pageRows = pageOf(c, rows, narrowed ? { page: paging.page, perPage: SEARCH_PAGE_SIZE } : paging);
    return c.json({ assets: pageRows.map((asset) => render(asset, include.has("type_fields"))) });
  });

  api.get("/assets/:display_id{[0-9]+}", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, ["include"]);
    const include = parseInclude(query.include, ["type_fields"] as const, errors);
    throwIfAny(errors);
    return c.json({
      asset: render(found(store.assets, c.req.param("display_id")), include.has("type_fields")),
    });
  });

  api.get("/asset_types", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const rows = [...store.assetTypes.values()].sort((a, b) => a.id - b.id);
    return c.json({ asset_types: pageOf(c, rows, paging).map((row) => structuredClone(row)) });
  });
}
