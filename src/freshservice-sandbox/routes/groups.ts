// Agent groups (reference §5): `/groups`, no `/agent_groups`; the list shows one workspace.
import { throwIfAny } from "../../sandbox/http/errors.ts";
import { PAGING_PARAMS, pageOf, parsePaging, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import { found, workspaceFilter } from "./list-helpers.ts";

export function groupRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/groups", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, [...PAGING_PARAMS, "workspace_id"]);
    const paging = parsePaging(query, errors);
    const inWorkspace = workspaceFilter(query, store.workspaceId, errors);
    throwIfAny(errors);
    const rows = [...store.groups.values()].filter(inWorkspace).sort((a, b) => a.id - b.id);
    return c.json({ groups: pageOf(c, rows, paging).map((g) => structuredClone(g)) });
  });

  api.get("/groups/:id{[0-9]+}", (c) =>
    c.json({ group: structuredClone(found(store.groups, c.req.param("id"))) }),
  );
}
