// SLA policies and business hours (reference §7; shapes [inferred], see seed/types.ts).
import { throwIfAny } from "../../sandbox/http/errors.ts";
import { queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import { found } from "./list-helpers.ts";

export function serviceLevelRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/sla_policies", (c) => {
    throwIfAny(unknownParams(queryOf(c), ["workspace_id"]));
    return c.json({
      sla_policies: store.slaPolicies.filter((p) => !p.deleted).map((p) => structuredClone(p)),
    });
  });

  api.get("/business_hours", (c) => {
    throwIfAny(unknownParams(queryOf(c), ["workspace_id"]));
    return c.json({ business_hours: store.businessHours.map((b) => structuredClone(b)) });
  });

  api.get("/business_hours/:id{[0-9]+}", (c) => {
    const byId = new Map(store.businessHours.map((b) => [b.id, b]));
    return c.json({ business_hours: structuredClone(found(byId, c.req.param("id"))) });
  });
}
