// `/search/tickets|contacts|companies` (reference §4.3, §6): the quoted query language, fixed
// pages of 30 up to page 10, a `{results,total}` envelope and no Link header.
import { actorOf, type RouteDeps, type SandboxContext } from "../http/context.ts";
import { type FieldError, ValidationFailedError } from "../http/errors.ts";
import { queryOf, unknownParams } from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import { renderCompany, renderContact } from "../render/people.ts";
import { renderTicket } from "../render/ticket.ts";
import {
  companySearchDocument,
  contactSearchDocument,
  matchesQuery,
  parseSearchPage,
  parseSearchQuery,
  type SearchDocument,
  type SearchResource,
  ticketSearchDocument,
  validateSearchQuery,
} from "../search-query.ts";
import { canSeeTicket } from "../tickets/access.ts";

const PAGE_SIZE = 30;

type Searchable<T> = {
  resource: SearchResource;
  records: () => T[];
  documentOf: (record: T) => SearchDocument;
  createdAt: (record: T) => string;
  render: (record: T) => Record<string, unknown>;
};

function search<T>(c: SandboxContext, spec: Searchable<T>): Response {
  const query = queryOf(c);
  const errors: FieldError[] = unknownParams(query, ["query", "page"]);
  const parsed = parseSearchQuery(query.query);
  const page = parseSearchPage(query.page);
  if (!parsed.ok) errors.push(parsed.error);
  if (!page.ok) errors.push(page.error);
  const records = spec.records();
  const sample = records[0] === undefined ? undefined : spec.documentOf(records[0]);
  if (parsed.ok) errors.push(...validateSearchQuery(parsed.expr, spec.resource, sample));
  if (!parsed.ok || !page.ok || errors.length > 0) throw new ValidationFailedError(errors);
  const hits = records
    .filter((record) => matchesQuery(parsed.expr, spec.documentOf(record)))
    .sort((a, b) => spec.createdAt(b).localeCompare(spec.createdAt(a)));
  const start = (page.page - 1) * PAGE_SIZE;
  return c.json({ results: hits.slice(start, start + PAGE_SIZE).map(spec.render), total: hits.length });
}

export function searchRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store } = deps;
  api.get("/search/tickets", (c) =>
    search(c, {
      resource: "tickets",
      // Deleted and spam tickets are not searchable, nor tickets outside the caller's scope.
      records: () =>
        [...store.tickets.values()].filter(
          (r) => !r.deleted && !r.ticket.spam && canSeeTicket(store, actorOf(c), r.ticket),
        ),
      documentOf: (record) => ticketSearchDocument(record.ticket, store.ticketFields),
      createdAt: (record) => record.ticket.created_at,
      render: (record) => renderTicket(record, "search"),
    }),
  );
  api.get("/search/contacts", (c) =>
    search(c, {
      resource: "contacts",
      records: () => [...store.contacts.values()].filter((contact) => !contact.deleted),
      documentOf: contactSearchDocument,
      createdAt: (contact) => contact.created_at,
      render: renderContact,
    }),
  );
  api.get("/search/companies", (c) =>
    search(c, {
      resource: "companies",
      records: () => [...store.companies.values()],
      documentOf: companySearchDocument,
      createdAt: (company) => company.created_at,
      render: renderCompany,
    }),
  );
}
