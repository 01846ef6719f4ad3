// SLA policies and business hours (reference §7; shapes [inferred], see seed/types.ts).
import type { SandboxContext } from "../../sandbox/http/context.ts";
import { throwIfAny } from "../../sandbox/http/errors.ts";
import {
  PAGING_PARAMS,
  type Paging,
  pageOf,
  parsePaging,
  queryOf,
  unknownParams,
} from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import { found } from "./list-helpers.ts";

/** Every list pages (§8), even ones this short. */
function listPaging(c: SandboxContext): Paging {
  const query = queryOf(c);
  const errors = unknownParams(query, [...PAGING_PARAMS, "workspace_id"]);
  const paging = parsePaging(query, errors);
  throwIfAny(errors);
  return paging;
}

export function serviceLevelRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/sla_policies", (c) => {
    const rows = store.slaPolicies.filter((p) => !p.deleted);
    return c.json({ sla_policies: pageOf(c, rows, listPaging(c)).map((p) => structuredClone(p)) });
  });

  api.get("/business_hours", (c) =>
    c.json({ business_hours: pageOf(c, store.businessHours, listPaging(c)).map((b) => structuredClone(b)) }),
  );

  api.get("/business_hours/:id{[0-9]+}", (c) => {
    const byId = new Map(store.businessHours.map((b) => [b.id, b]));
    return c.json({ business_hours: structuredClone(found(byId, c.req.param("id"))) });
  });
}
