import type { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import type { SearchResult } from "../pagination.ts";
import { searchEnvelope } from "../schemas/common.ts";
import { type Company, companySchema } from "../schemas/company.ts";
import { type Contact, contactSchema } from "../schemas/contact.ts";
import { type Ticket, ticketSchema } from "../schemas/ticket.ts";
import type { Transport } from "../transport.ts";
import { quotedQuery } from "./quoted-query.ts";

const MAX_SEARCH_PAGE = 10;

/** The query (given without its outer double quotes) quoted, once it and the page are valid. */
function checkQuery(query: string, page: number): string {
  const quoted = quotedQuery(query, {
    what: "search query",
    product: "Freshdesk",
    example: "status:2 AND tag:'vip'",
  });
  if (!Number.isInteger(page) || page < 1 || page > MAX_SEARCH_PAGE) {
    throw new BadRequestError(`Search page must be an integer from 1 to ${MAX_SEARCH_PAGE}; got ${page}.`);
  }
  return quoted;
}

export function searchApi(transport: Transport) {
  async function search<S extends z.ZodType>(
    resource: "tickets" | "contacts" | "companies",
    item: S,
    query: string,
    page: number,
  ): Promise<SearchResult<z.output<S>>> {
    const quoted = checkQuery(query, page);
    const { data } = await transport.json(
      {
        method: "GET",
        path: `/search/${resource}`,
        query: { query: quoted, page },
      },
      searchEnvelope(item),
    );
    return data as SearchResult<z.output<S>>;
  }

  return {
    /** 30 results a page, pages 1-10. E.g. `tickets("status:2 AND priority:>3")`. */
    tickets: (query: string, page = 1): Promise<SearchResult<Ticket>> =>
      search("tickets", ticketSchema, query, page),
    contacts: (query: string, page = 1): Promise<SearchResult<Contact>> =>
      search("contacts", contactSchema, query, page),
    companies: (query: string, page = 1): Promise<SearchResult<Company>> =>
      search("companies", companySchema, query, page),
  };
}

export type SearchApi = ReturnType<typeof searchApi>;
