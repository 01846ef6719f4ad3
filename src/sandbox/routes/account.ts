// Account configuration (reference §8.7, §8.8): ticket fields, SLA policies, business hours.
import type { RouteDeps } from "../http/context.ts";
import { fieldError, oneOf, throwIfAny, WireNotFoundError } from "../http/errors.ts";
import { queryOf, unknownParams } from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import type { FdBusinessHours } from "../seed/types.ts";

function businessHoursItem(hours: FdBusinessHours): Record<string, unknown> {
  const { is_default: _default, holiday_list: _holidays, ...listed } = structuredClone(hours);
  return listed;
}

export function accountRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store } = deps;

  api.get("/ticket_fields", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, ["type"]);
    const types = [...new Set(store.ticketFields.map((field) => field.type))];
    if (query.type !== undefined && !types.includes(query.type)) {
      errors.push(fieldError("type", "invalid_value", oneOf(types)));
    }
    throwIfAny(errors);
    const fields = store.ticketFields.filter(
      (field) => query.type === undefined || field.type === query.type,
    );
    return c.json(fields.map((field) => structuredClone(field)));
  });

  api.get("/sla_policies", (c) => {
    throwIfAny(unknownParams(queryOf(c), []));
    return c.json(store.slaPolicies.map((policy) => structuredClone(policy)));
  });

  api.get("/business_hours", (c) => {
    throwIfAny(unknownParams(queryOf(c), []));
    return c.json(store.businessHours.map(businessHoursItem));
  });

  api.get("/business_hours/:id{[0-9]+}", (c) => {
    const hours = store.businessHours.find((item) => item.id === Number(c.req.param("id")));
    if (!hours) throw new WireNotFoundError();
    return c.json(structuredClone(hours));
  });
}
