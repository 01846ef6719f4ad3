// Companies (reference §8.2): list, view, create, update, delete and name autocomplete.
import { readBody } from "../http/body.ts";
import { apiUrl, type RouteDeps } from "../http/context.ts";
import {
  type FieldError,
  missingField,
  missingParams,
  throwIfAny,
  WireNotFoundError,
} from "../http/errors.ts";
import { checkFields, type FieldSpecs, parseTimestamp } from "../http/fields.ts";
import { PAGING_PARAMS, pageOf, parsePaging, queryOf, unknownParams } from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import {
  checkCustomFieldNames,
  knownCustomFieldNames,
  withAllCustomFields,
} from "../records/custom-fields.ts";
import { renderCompany } from "../render/people.ts";
import type { FdCompany } from "../seed/types.ts";
import type { SandboxStore } from "../store.ts";
import { wireTime } from "../wire-time.ts";

const COMPANY_SPECS: FieldSpecs = {
  name: { kind: "string", maxLength: 255 },
  description: { kind: "string", nullable: true },
  note: { kind: "string", nullable: true },
  domains: { kind: "stringArray" },
  custom_fields: { kind: "object" },
  health_score: { kind: "string", nullable: true },
  account_tier: { kind: "string", nullable: true },
  renewal_date: { kind: "timestamp", nullable: true },
  industry: { kind: "string", nullable: true },
};
const ACCOUNT_MANAGEMENT = ["health_score", "account_tier", "renewal_date", "industry"] as const;

function checkCompanyBody(
  store: SandboxStore,
  body: Record<string, unknown>,
  knownFields: Set<string>,
  self: FdCompany | undefined,
): FieldError[] {
  const errors = checkFields(body, COMPANY_SPECS);
  errors.push(...checkCustomFieldNames(body.custom_fields, knownFields));
  if (typeof body.name === "string") {
    const wanted = body.name.toLowerCase();
    const clash = [...store.companies.values()].find(
      (c) => c.name.toLowerCase() === wanted && c.id !== self?.id,
    );
    if (clash) {
      errors.push({
        field: "name",
        message: "It should be a unique value",
        code: "duplicate_value",
        additional_info: { company_id: clash.id },
      });
    }
  }
  if (Array.isArray(body.domains) && !errors.some((error) => error.field === "domains")) {
    pushIf(errors, checkDomains(store, body.domains as string[], self));
  }
  return errors;
}

/** A domain names one company: Freshdesk files a requester under the company owning their domain. */
function checkDomains(
  store: SandboxStore,
  domains: string[],
  self: FdCompany | undefined,
): FieldError | undefined {
  for (const domain of domains.map((d) => d.trim().toLowerCase())) {
    const clash = [...store.companies.values()].find(
      (c) => c.id !== self?.id && c.domains.some((owned) => owned.toLowerCase() === domain),
    );
    if (clash) {
      return {
        field: "domains",
        message: "It should be a unique value",
        code: "duplicate_value",
        additional_info: { company_id: clash.id },
      };
    }
  }
  return undefined;
}

function pushIf(errors: FieldError[], error: FieldError | undefined): void {
  if (error) errors.push(error);
}

const renewal = (value: unknown) =>
  typeof value === "string" ? wireTime(parseTimestamp(value) ?? 0) : (value as null | undefined);

export function companyRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store } = deps;
  const knownFields = knownCustomFieldNames(store.companies.values());
  const companyOr404 = (id: string | undefined) => {
    const company = store.companies.get(Number(id));
    if (!company) throw new WireNotFoundError();
    return company;
  };

  api.get("/companies", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const rows = [...store.companies.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    return c.json(pageOf(c, rows, paging).map(renderCompany));
  });

  api.get("/companies/autocomplete", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, ["name"]);
    if (!query.name) errors.push(missingField("name"));
    throwIfAny(errors);
    const prefix = (query.name ?? "").toLowerCase();
    const companies = [...store.companies.values()]
      .filter((company) => company.name.toLowerCase().startsWith(prefix))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((company) => ({ id: company.id, name: company.name }));
    return c.json({ companies });
  });

  api.get("/companies/:id{[0-9]+}", (c) => c.json(renderCompany(companyOr404(c.req.param("id")))));

  api.post("/companies", async (c) => {
    const { fields: body } = await readBody(c);
    const errors = checkCompanyBody(store, body, knownFields, undefined);
    if (!("name" in body)) errors.push(missingField("name"));
    throwIfAny(errors);
    const now = store.stamp();
    const company: FdCompany = {
      id: store.nextId(),
      name: body.name as string,
      description: (body.description as string | null | undefined) ?? null,
      note: (body.note as string | null | undefined) ?? null,
      domains: (body.domains as string[] | undefined) ?? [],
      custom_fields: withAllCustomFields(body.custom_fields, knownFields),
      created_at: now,
      updated_at: now,
    };
    for (const key of ACCOUNT_MANAGEMENT) {
      if (key in body)
        company[key] = key === "renewal_date" ? renewal(body[key]) : (body[key] as string | null);
    }
    store.companies.set(company.id, company);
    c.header("Location", apiUrl(c, `/companies/${company.id}`));
    return c.json(renderCompany(company), 201);
  });

  api.put("/companies/:id{[0-9]+}", async (c) => {
    const { fields: body } = await readBody(c);
    if (Object.keys(body).length === 0) throw missingParams();
    const company = companyOr404(c.req.param("id"));
    throwIfAny(checkCompanyBody(store, body, knownFields, company));
    const { custom_fields: customFields, renewal_date: renewalDate, ...rest } = body;
    Object.assign(company, rest);
    if ("renewal_date" in body) company.renewal_date = renewal(renewalDate);
    if (customFields) company.custom_fields = { ...company.custom_fields, ...(customFields as object) };
    company.updated_at = store.stamp();
    return c.json(renderCompany(company));
  });

  // Deleting a company is permanent; its contacts and tickets stay, without the company.
  api.delete("/companies/:id{[0-9]+}", (c) => {
    const company = companyOr404(c.req.param("id"));
    store.companies.delete(company.id);
    for (const contact of store.contacts.values())
      if (contact.company_id === company.id) contact.company_id = null;
    for (const { ticket } of store.tickets.values())
      if (ticket.company_id === company.id) ticket.company_id = null;
    return c.body(null, 204);
  });
}
