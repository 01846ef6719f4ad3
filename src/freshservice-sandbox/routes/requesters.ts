// Requesters (reference §5): list with `email`, phone filters, `include_agents` and `query=`,
// show, create and update.

import { readBody } from "../../sandbox/http/body.ts";
import { apiUrl } from "../../sandbox/http/context.ts";
import {
  type FieldError,
  fieldError,
  missingField,
  missingParams,
  throwIfAny,
  ValidationFailedError,
} from "../../sandbox/http/errors.ts";
import { checkFields, type FieldSpecs, isEmail } from "../../sandbox/http/fields.ts";
import { PAGING_PARAMS, pageOf, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import type { FsAgent, FsRequester } from "../seed/types.ts";
import type { FreshserviceStore } from "../store.ts";
import { found, listPaging } from "./list-helpers.ts";
import { parseRecordQuery, type QueryFields } from "./record-query.ts";

const LIST_PARAMS = [
  ...PAGING_PARAMS,
  "email",
  "mobile_phone_number",
  "work_phone_number",
  "include_agents",
  "query",
];

/** Fields `GET /requesters?query=` takes [DOC filter requesters]. */
const QUERY_FIELDS: QueryFields<FsRequester> = {
  first_name: { type: "string", get: (r) => r.first_name },
  last_name: { type: "string", get: (r) => r.last_name },
  name: { type: "string", get: (r) => [r.first_name, r.last_name].filter(Boolean).join(" ") },
  job_title: { type: "string", get: (r) => r.job_title },
  primary_email: { type: "string", get: (r) => r.primary_email },
  email: { type: "string", get: (r) => [r.primary_email, ...r.secondary_emails] },
  mobile_phone_number: { type: "string", get: (r) => r.mobile_phone_number },
  work_phone_number: { type: "string", get: (r) => r.work_phone_number },
  department_id: { type: "number", get: (r) => r.department_ids },
  reporting_manager_id: { type: "number", get: (r) => r.reporting_manager_id },
  time_zone: { type: "string", get: (r) => r.time_zone },
  language: { type: "string", get: (r) => r.language },
  location_id: { type: "number", get: (r) => r.location_id },
  active: { type: "boolean", get: (r) => r.active },
  created_at: { type: "date", get: (r) => r.created_at },
  updated_at: { type: "date", get: (r) => r.updated_at },
};

const WRITE_SPECS: FieldSpecs = {
  first_name: { kind: "string", maxLength: 255 },
  last_name: { kind: "string", nullable: true, maxLength: 255 },
  job_title: { kind: "string", nullable: true, maxLength: 255 },
  primary_email: { kind: "email", nullable: true },
  secondary_emails: { kind: "emailArray" },
  work_phone_number: { kind: "string", nullable: true },
  mobile_phone_number: { kind: "string", nullable: true },
  department_ids: { kind: "integerArray" },
  can_see_all_tickets_from_associated_departments: { kind: "boolean" },
  reporting_manager_id: { kind: "positiveInteger", nullable: true },
  address: { kind: "string", nullable: true },
  time_zone: { kind: "string" },
  time_format: { kind: "string" },
  language: { kind: "string" },
  location_id: { kind: "positiveInteger", nullable: true },
  background_information: { kind: "string", nullable: true },
  custom_fields: { kind: "object" },
};

/** An agent as `include_agents=true` lists it: the requester shape with `is_agent: true`. */
function agentAsRequester(agent: FsAgent): FsRequester {
  return {
    id: agent.id,
    is_agent: true,
    first_name: agent.first_name,
    last_name: agent.last_name,
    job_title: agent.job_title,
    primary_email: agent.email,
    secondary_emails: [],
    work_phone_number: agent.work_phone_number,
    mobile_phone_number: agent.mobile_phone_number,
    department_ids: agent.department_ids,
    can_see_all_tickets_from_associated_departments: agent.can_see_all_tickets_from_associated_departments,
    reporting_manager_id: agent.reporting_manager_id,
    address: agent.address,
    time_zone: agent.time_zone,
    time_format: agent.time_format,
    language: agent.language,
    location_id: agent.location_id,
    background_information: agent.background_information,
    custom_fields: agent.custom_fields,
    active: agent.active,
    has_logged_in: agent.has_logged_in,
    external_id: null,
    created_at: agent.created_at,
    updated_at: agent.updated_at,
  };
}

function checkReferences(
  body: Record<string, unknown>,
  store: FreshserviceStore,
  errors: FieldError[],
): void {
  const departments = body.department_ids;
  if (Array.isArray(departments) && departments.some((id) => !store.departments.has(id as number))) {
    errors.push(
      fieldError(
        "department_ids",
        "invalid_value",
        "There is no department matching the given department_ids",
      ),
    );
  }
  const manager = body.reporting_manager_id;
  if (typeof manager === "number" && !store.requesters.has(manager) && !store.agents.has(manager)) {
    errors.push(
      fieldError(
        "reporting_manager_id",
        "invalid_value",
        "There is no user matching the given reporting_manager_id",
      ),
    );
  }
}

/** 409 with the validation body, as Freshservice answers `duplicate_value` (§9). */
const duplicateEmail = () =>
  new ValidationFailedError([fieldError("primary_email", "duplicate_value", "It should be a unique value")]);

function emailTaken(store: FreshserviceStore, email: unknown, exceptId?: number): boolean {
  if (typeof email !== "string") return false;
  const owner = store.findUserByEmail(email);
  return owner !== undefined && owner.id !== exceptId;
}

export function requesterRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/requesters", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, LIST_PARAMS);
    const paging = listPaging(query, errors, query.query !== undefined);
    if (query.email !== undefined && !isEmail(query.email)) {
      errors.push(fieldError("email", "invalid_value", "It should be in the 'valid email address' format"));
    }
    if (
      query.include_agents !== undefined &&
      query.include_agents !== "true" &&
      query.include_agents !== "false"
    ) {
      errors.push(fieldError("include_agents", "datatype_mismatch", "It should be a/an Boolean"));
    }
    const filter =
      query.query === undefined
        ? undefined
        : parseRecordQuery(query.query, "query", QUERY_FIELDS, errors, {
            startsWith: ["first_name", "last_name"],
          });
    throwIfAny(errors);
    let people = [...store.requesters.values()];
    if (query.include_agents === "true")
      people = [...people, ...[...store.agents.values()].map(agentAsRequester)];
    const email = query.email?.toLowerCase();
    const rows = people
      .filter(
        (r) =>
          email === undefined ||
          [r.primary_email, ...r.secondary_emails].some((e) => e?.toLowerCase() === email),
      )
      .filter(
        (r) => query.mobile_phone_number === undefined || r.mobile_phone_number === query.mobile_phone_number,
      )
      .filter((r) => query.work_phone_number === undefined || r.work_phone_number === query.work_phone_number)
      .filter((r) => filter === undefined || filter.matches(r))
      .sort((a, b) => a.id - b.id);
    return c.json({ requesters: pageOf(c, rows, paging).map((r) => structuredClone(r)) });
  });

  api.get("/requesters/:id{[0-9]+}", (c) =>
    c.json({ requester: structuredClone(found(store.requesters, c.req.param("id"))) }),
  );

  api.post("/requesters", async (c) => {
    const { fields: body } = await readBody(c);
    const errors = checkFields(body, WRITE_SPECS);
    if (body.first_name === undefined) errors.push(missingField("first_name"));
    const contact = ["primary_email", "work_phone_number", "mobile_phone_number"];
    if (!contact.some((key) => typeof body[key] === "string" && body[key] !== "")) {
      errors.push(
        missingField(
          "primary_email",
          "Please specify at least one of primary_email, work_phone_number, mobile_phone_number",
        ),
      );
    }
    checkReferences(body, store, errors);
    throwIfAny(errors);
    if (emailTaken(store, body.primary_email)) {
      throw duplicateEmail();
    }
    const created = store.addRequester({ email: body.primary_email as string | undefined });
    Object.assign(created, structuredClone(body), { has_logged_in: false });
    c.header("Location", apiUrl(c, `/requesters/${created.id}`));
    return c.json({ requester: structuredClone(created) }, 201);
  });

  api.put("/requesters/:id{[0-9]+}", async (c) => {
    const requester = found(store.requesters, c.req.param("id"));
    const { fields: body } = await readBody(c);
    if (Object.keys(body).length === 0) throw missingParams();
    const errors = checkFields(body, WRITE_SPECS);
    checkReferences(body, store, errors);
    throwIfAny(errors);
    if (emailTaken(store, body.primary_email, requester.id)) {
      throw duplicateEmail();
    }
    const merged =
      typeof body.custom_fields === "object"
        ? { ...requester.custom_fields, ...(body.custom_fields as object) }
        : requester.custom_fields;
    Object.assign(requester, structuredClone(body), { custom_fields: merged, updated_at: store.stamp() });
    return c.json({ requester: structuredClone(requester) });
  });
}
