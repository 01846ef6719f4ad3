// Agents (reference §5): list with `email`, phone, `active`, `state` and `query=` filters; show.

import { actorOf } from "../../sandbox/http/context.ts";
import { type FieldError, fieldError, oneOf, throwIfAny } from "../../sandbox/http/errors.ts";
import { isEmail } from "../../sandbox/http/fields.ts";
import { PAGING_PARAMS, pageOf, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import type { FsAgent } from "../seed/types.ts";
import { found, listPaging } from "./list-helpers.ts";
import { parseRecordQuery, type QueryFields } from "./record-query.ts";

const LIST_PARAMS = [
  ...PAGING_PARAMS,
  "email",
  "mobile_phone_number",
  "work_phone_number",
  "active",
  "state",
  "query",
];

/** Fields `GET /agents?query=` takes [DOC filter agents]. */
const QUERY_FIELDS: QueryFields<FsAgent> = {
  first_name: { type: "string", get: (a) => a.first_name },
  last_name: { type: "string", get: (a) => a.last_name },
  name: { type: "string", get: (a) => [a.first_name, a.last_name].filter(Boolean).join(" ") },
  job_title: { type: "string", get: (a) => a.job_title },
  email: { type: "string", get: (a) => a.email },
  mobile_phone_number: { type: "string", get: (a) => a.mobile_phone_number },
  work_phone_number: { type: "string", get: (a) => a.work_phone_number },
  department_id: { type: "number", get: (a) => a.department_ids },
  reporting_manager_id: { type: "number", get: (a) => a.reporting_manager_id },
  group_id: { type: "number", get: (a) => a.member_of },
  active: { type: "boolean", get: (a) => a.active },
  time_zone: { type: "string", get: (a) => a.time_zone },
  language: { type: "string", get: (a) => a.language },
  location_id: { type: "number", get: (a) => a.location_id },
  created_at: { type: "date", get: (a) => a.created_at },
  updated_at: { type: "date", get: (a) => a.updated_at },
};

export function agentRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/agents", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, LIST_PARAMS);
    const paging = listPaging(query, errors, query.query !== undefined);
    if (query.email !== undefined && !isEmail(query.email)) {
      errors.push(fieldError("email", "invalid_value", "It should be in the 'valid email address' format"));
    }
    if (query.active !== undefined && query.active !== "true" && query.active !== "false") {
      errors.push(fieldError("active", "datatype_mismatch", "It should be a/an Boolean"));
    }
    if (query.state !== undefined && query.state !== "fulltime" && query.state !== "occasional") {
      errors.push(fieldError("state", "invalid_value", oneOf(["fulltime", "occasional"])));
    }
    const filter =
      query.query === undefined
        ? undefined
        : parseRecordQuery(query.query, "query", QUERY_FIELDS, errors, {
            startsWith: ["first_name", "last_name"],
          });
    throwIfAny(errors);
    const rows = [...store.agents.values()]
      .filter((a) => query.email === undefined || a.email.toLowerCase() === query.email.toLowerCase())
      .filter(
        (a) => query.mobile_phone_number === undefined || a.mobile_phone_number === query.mobile_phone_number,
      )
      .filter((a) => query.work_phone_number === undefined || a.work_phone_number === query.work_phone_number)
      .filter((a) => query.active === undefined || String(a.active) === query.active)
      .filter((a) => query.state === undefined || a.occasional === (query.state === "occasional"))
      .filter((a) => filter === undefined || filter.matches(a))
      .sort((a, b) => a.id - b.id);
    return c.json({ agents: pageOf(c, rows, paging).map((a) => structuredClone(a)) });
  });

  // [inferred from integrations] The key's owner: the account admin key answers as the account
  // admin, an agent's own key as that agent (how the OAuth consent page learns who signs in).
  api.get("/agents/me", (c) => c.json({ agent: structuredClone(found(store.agents, String(actorOf(c)))) }));

  api.get("/agents/:id{[0-9]+}", (c) =>
    c.json({ agent: structuredClone(found(store.agents, c.req.param("id"))) }),
  );
}
