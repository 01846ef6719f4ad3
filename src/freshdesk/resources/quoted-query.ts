import { BadRequestError } from "../../errors.ts";

/** The longest query expression Freshdesk's search and Freshservice's filters accept. */
export const MAX_QUERY_LENGTH = 512;

/**
 * A query-language expression in the outer double quotes both products require
 * (`query="status:2 AND tag:'vip'"`). Checks what the service would reject anyway, so a bad
 * query costs no API credit: the grammar has no escaped double quote, so one inside the
 * expression can only be a mistake (strings take single quotes).
 */
export function quotedQuery(
  expression: string,
  options: { what: string; product: string; example: string },
): string {
  const trimmed = expression.trim();
  if (trimmed === "") throw new BadRequestError(`The ${options.what} is empty.`);
  if (trimmed.includes('"')) {
    throw new BadRequestError(
      `The ${options.what} must not contain double quotes; pass it without outer quotes and quote strings with single quotes, e.g. ${options.example}.`,
    );
  }
  if (trimmed.length > MAX_QUERY_LENGTH) {
    throw new BadRequestError(
      `The ${options.what} has ${trimmed.length} characters; ${options.product} allows at most ${MAX_QUERY_LENGTH}.`,
    );
  }
  return `"${trimmed}"`;
}
