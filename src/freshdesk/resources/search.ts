import type { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import type { SearchResult } from "../pagination.ts";
import { searchEnvelope } from "../schemas/common.ts";
import { type Company, companySchema } from "../schemas/company.ts";
import { type Contact, contactSchema } from "../schemas/contact.ts";
import { type Ticket, ticketSchema } from "../schemas/ticket.ts";
import type { Transport } from "../transport.ts";

const MAX_QUERY_LENGTH = 512;
const MAX_SEARCH_PAGE = 10;

/**
 * Checks what Freshdesk would reject anyway, so a bad query costs no API credit. The query is
 * given without its outer double quotes; Freshdesk's grammar has no escaped double quote, so
 * one inside the query can only be a mistake.
 */
function checkQuery(query: string, page: number): void {
  const trimmed = query.trim();
  if (trimmed === "") throw new BadRequestError("The search query is empty.");
  if (trimmed.includes('"')) {
    throw new BadRequestError(
      "The search query must not contain double quotes; pass it without outer quotes and quote strings with single quotes, e.g. status:2 AND tag:'vip'.",
    );
  }
  if (trimmed.length > MAX_QUERY_LENGTH) {
    throw new BadRequestError(
      `The search query has ${trimmed.length} characters; Freshdesk allows at most ${MAX_QUERY_LENGTH}.`,
    );
  }
  if (!Number.isInteger(page) || page < 1 || page > MAX_SEARCH_PAGE) {
    throw new BadRequestError(`Search page must be an integer from 1 to ${MAX_SEARCH_PAGE}; got ${page}.`);
  }
}

export function searchApi(transport: Transport) {
  async function search<S extends z.ZodType>(
    resource: "tickets" | "contacts" | "companies",
    item: S,
    query: string,
    page: number,
  ): Promise<SearchResult<z.output<S>>> {
    checkQuery(query, page);
    const { data } = await transport.json(
      {
        method: "GET",
        path: `/search/${resource}`,
        query: { query: `"${query.trim()}"`, page },
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
