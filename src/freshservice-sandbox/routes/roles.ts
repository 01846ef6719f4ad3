// Agent roles (reference §5 names `/roles`): list and show. The list is small and pages like
// every other list [inferred].

import { throwIfAny } from "../../sandbox/http/errors.ts";
import { PAGING_PARAMS, pageOf, parsePaging, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import { FS_ROLES } from "../seed/roles.ts";
import { found } from "./list-helpers.ts";

const BY_ID = new Map(FS_ROLES.map((role) => [role.id, role]));

export function roleRoutes(api: ApiRoutes): void {
  api.get("/roles", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    return c.json({ roles: pageOf(c, [...FS_ROLES], paging).map((role) => ({ ...role })) });
  });

  api.get("/roles/:id{[0-9]+}", (c) => c.json({ role: { ...found(BY_ID, c.req.param("id")) } }));
}
