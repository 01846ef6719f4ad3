// Agents and groups (reference §8.3, §8.4). Lists omit the membership arrays.
import { actorOf, type RouteDeps } from "../http/context.ts";
import { fieldError, oneOf, throwIfAny, WireNotFoundError } from "../http/errors.ts";
import { PAGING_PARAMS, pageOf, parsePaging, queryOf, unknownParams } from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import { renderAgent, renderGroup, renderRole } from "../render/people.ts";

const AGENT_STATES = ["fulltime", "occasional"];

export function teamRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store } = deps;

  api.get("/agents", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, ["email", "mobile", "phone", "state", ...PAGING_PARAMS]);
    if (query.state !== undefined && !AGENT_STATES.includes(query.state)) {
      errors.push(fieldError("state", "invalid_value", oneOf(AGENT_STATES)));
    }
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const rows = [...store.agents.values()]
      .filter((a) => query.email === undefined || a.contact.email.toLowerCase() === query.email.toLowerCase())
      .filter((a) => query.mobile === undefined || a.contact.mobile === query.mobile)
      .filter((a) => query.phone === undefined || a.contact.phone === query.phone)
      .filter((a) => query.state === undefined || a.occasional === (query.state === "occasional"))
      .sort((a, b) => a.contact.name.localeCompare(b.contact.name) || a.id - b.id);
    return c.json(pageOf(c, rows, paging).map((agent) => renderAgent(agent, "list")));
  });

  api.get("/agents/me", (c) => {
    const agent = store.agents.get(actorOf(c));
    if (!agent) throw new WireNotFoundError();
    return c.json(renderAgent(agent, "show"));
  });

  api.get("/agents/:id{[0-9]+}", (c) => {
    const agent = store.agents.get(Number(c.req.param("id")));
    if (!agent) throw new WireNotFoundError();
    return c.json(renderAgent(agent, "show"));
  });

  api.get("/roles", (c) => {
    throwIfAny(unknownParams(queryOf(c), []));
    const rows = [...store.roles.values()].sort((a, b) => a.id - b.id);
    return c.json(rows.map(renderRole));
  });

  api.get("/roles/:id{[0-9]+}", (c) => {
    const role = store.roles.get(Number(c.req.param("id")));
    if (!role) throw new WireNotFoundError();
    return c.json(renderRole(role));
  });

  api.get("/groups", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const rows = [...store.groups.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    return c.json(pageOf(c, rows, paging).map((group) => renderGroup(group, "list")));
  });

  api.get("/groups/:id{[0-9]+}", (c) => {
    const group = store.groups.get(Number(c.req.param("id")));
    if (!group) throw new WireNotFoundError();
    return c.json(renderGroup(group, "show"));
  });
}
