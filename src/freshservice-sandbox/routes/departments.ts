// Departments (reference §5): list with `query="name:'Sales'"`, show.
import { throwIfAny } from "../../sandbox/http/errors.ts";
import { PAGING_PARAMS, pageOf, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import type { FsDepartment } from "../seed/types.ts";
import { found, listPaging } from "./list-helpers.ts";
import { parseRecordQuery, type QueryFields } from "./record-query.ts";

const QUERY_FIELDS: QueryFields<FsDepartment> = {
  name: { type: "string", get: (d) => d.name },
  head_user_id: { type: "number", get: (d) => d.head_user_id },
  prime_user_id: { type: "number", get: (d) => d.prime_user_id },
  created_at: { type: "date", get: (d) => d.created_at },
  updated_at: { type: "date", get: (d) => d.updated_at },
};

export function departmentRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/departments", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, [...PAGING_PARAMS, "query"]);
    const paging = listPaging(query, errors, query.query !== undefined);
    const filter =
      query.query === undefined ? undefined : parseRecordQuery(query.query, "query", QUERY_FIELDS, errors);
    throwIfAny(errors);
    const rows = [...store.departments.values()]
      .filter((d) => filter === undefined || filter.matches(d))
      .sort((a, b) => a.id - b.id);
    return c.json({ departments: pageOf(c, rows, paging).map((d) => structuredClone(d)) });
  });

  api.get("/departments/:id{[0-9]+}", (c) =>
    c.json({ department: structuredClone(found(store.departments, c.req.param("id"))) }),
  );
}
