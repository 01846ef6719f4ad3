/** One page of a Freshdesk list. `nextPage` comes from the `Link: <…>; rel="next"` header. */
export type Page<T> = { items: T[]; nextPage: number | undefined };

/** `/search/*` answers: no Link header, a total instead (at most 300 reachable results). */
export type SearchResult<T> = { results: T[]; total: number };

export type PageOptions = { page?: number; perPage?: number };

/** The page number in the `rel="next"` link, if there is one. */
export function nextPageFromLink(header: string | null): number | undefined {
  if (!header) return undefined;
  for (const part of header.split(",")) {
    const match = /<([^>]*)>\s*;\s*rel="?next"?/i.exec(part);
    if (!match?.[1]) continue;
    const url = URL.parse(match[1], "http://link.invalid");
    const page = Number(url?.searchParams.get("page"));
    // A next link without a usable page number still says "there is more".
    return Number.isInteger(page) && page > 0 ? page : undefined;
  }
  return undefined;
}

/** Walks pages lazily, starting at page 1, stopping after `maxPages`. */
export async function* iteratePages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  options: { maxPages?: number } = {},
): AsyncGenerator<Page<T>> {
  const maxPages = options.maxPages ?? 20;
  let page: number | undefined = 1;
  for (let fetched = 0; page !== undefined && fetched < maxPages; fetched++) {
    const result: Page<T> = await fetchPage(page);
    yield result;
    // Guard against a server that points back at the same page.
    page = result.nextPage !== undefined && result.nextPage > page ? result.nextPage : undefined;
  }
}

/**
 * Collects every item across pages, up to `maxPages` (default 20) requests. `complete` is false
 * when the bound stopped it while Freshdesk still had more.
 */
export async function collectPages<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  options: { maxPages?: number } = {},
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let complete = true;
  let last: Page<T> | undefined;
  for await (const page of iteratePages(fetchPage, options)) {
    items.push(...page.items);
    last = page;
  }
  if (last?.nextPage !== undefined) complete = false;
  return { items, complete };
}
