// Changes and problems (reference §7): lists (changes take `query=`, `updated_since`, ordering,
// per_page ≤ 100) and show.
import { type FieldError, fieldError, oneOf, throwIfAny } from "../../sandbox/http/errors.ts";
import { parseTimestamp } from "../../sandbox/http/fields.ts";
import { PAGING_PARAMS, pageOf, parsePaging, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import type { FsChange } from "../seed/types.ts";
import { found, listPaging, workspaceFilter } from "./list-helpers.ts";
import { parseRecordQuery, type QueryFields } from "./record-query.ts";

const CHANGE_QUERY_FIELDS: QueryFields<FsChange> = {
  priority: { type: "number", get: (x) => x.priority },
  status: { type: "number", get: (x) => x.status },
  impact: { type: "number", get: (x) => x.impact },
  risk: { type: "number", get: (x) => x.risk },
  change_type: { type: "number", get: (x) => x.change_type },
  agent_id: { type: "number", get: (x) => x.agent_id },
  group_id: { type: "number", get: (x) => x.group_id },
  requester_id: { type: "number", get: (x) => x.requester_id },
  department_id: { type: "number", get: (x) => x.department_id },
  approval_status: { type: "number", get: (x) => x.approval_status },
  planned_start_date: { type: "date", get: (x) => x.planned_start_date },
  planned_end_date: { type: "date", get: (x) => x.planned_end_date },
  created_at: { type: "date", get: (x) => x.created_at },
  updated_at: { type: "date", get: (x) => x.updated_at },
};
const CHANGE_ORDER_BY = ["created_at", "updated_at", "planned_start_date"] as const;

export function changeProblemRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/changes", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, [
      ...PAGING_PARAMS,
      "query",
      "view",
      "updated_since",
      "order_by",
      "order_type",
      "workspace_id",
    ]);
    const paging = listPaging(query, errors, query.query !== undefined);
    const filter =
      query.query === undefined
        ? undefined
        : parseRecordQuery(query.query, "query", CHANGE_QUERY_FIELDS, errors, { notEqual: true });
    const since = query.updated_since === undefined ? undefined : parseTimestamp(query.updated_since);
    if (query.updated_since !== undefined && since === undefined) {
      errors.push(fieldError("updated_since", "invalid_value", "It should be in the 'valid date' format"));
    }
    const orderBy = query.order_by ?? "created_at";
    if (!(CHANGE_ORDER_BY as readonly string[]).includes(orderBy))
      errors.push(fieldError("order_by", "invalid_value", oneOf(CHANGE_ORDER_BY)));
    const orderType = query.order_type ?? "desc";
    if (orderType !== "asc" && orderType !== "desc")
      errors.push(fieldError("order_type", "invalid_value", oneOf(["asc", "desc"])));
    // Views are account-defined; the sandbox has none besides the default list [inferred].
    if (query.view !== undefined && query.view !== "all")
      errors.push(fieldError("view", "invalid_value", oneOf(["all"])));
    const inWorkspace = workspaceFilter(query, store.workspaceId, errors);
    throwIfAny(errors);
    const key = orderBy as (typeof CHANGE_ORDER_BY)[number];
    const direction = orderType === "asc" ? 1 : -1;
    const rows = [...store.changes.values()]
      .filter(inWorkspace)
      .filter((x) => since === undefined || Date.parse(x.updated_at) >= since)
      .filter((x) => filter === undefined || filter.matches(x))
      .sort((a, b) => direction * (a[key].localeCompare(b[key]) || a.id - b.id));
    return c.json({ changes: pageOf(c, rows, paging).map((x) => structuredClone(x)) });
  });

  api.get("/changes/:id{[0-9]+}", (c) =>
    c.json({ change: structuredClone(found(store.changes, c.req.param("id"))) }),
  );

  api.get("/problems", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, [...PAGING_PARAMS, "workspace_id"]);
    const paging = parsePaging(query, errors);
    const inWorkspace = workspaceFilter(query, store.workspaceId, errors);
    throwIfAny(errors);
    const rows = [...store.problems.values()]
      .filter(inWorkspace)
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.id - b.id);
    return c.json({ problems: pageOf(c, rows, paging).map((x) => structuredClone(x)) });
  });

  api.get("/problems/:id{[0-9]+}", (c) =>
    c.json({ problem: structuredClone(found(store.problems, c.req.param("id"))) }),
  );
}
