// What each Freshservice request costs and which sub-limit it counts against (reference §1, §10).
import type { FsSubBucket } from "../plans.ts";

// Route keys look like `GET /tickets/:id`; the directory routes name their id params freely.
const LIST = [/^GET \/tickets$/, /^GET \/assets$/, /^GET \/agents$/, /^GET \/requesters$/];
// [inferred] the filter endpoint is a ticket list for the sub-limit; the DOC table does not name it.
const LIST_INFERRED = [/^GET \/tickets\/filter$/];
const VIEW_WRITE = [
  /^GET \/tickets\/:\w+$/,
  /^POST \/tickets$/,
  /^PUT \/tickets\/:\w+$/,
  /^PUT \/assets\/:\w+$/,
];

export function freshserviceBucketOf(routeKey: string): FsSubBucket | undefined {
  if ([...LIST, ...LIST_INFERRED].some((pattern) => pattern.test(routeKey))) return "list";
  if (VIEW_WRITE.some((pattern) => pattern.test(routeKey))) return "view_write";
  return undefined;
}

function includeCount(query: URLSearchParams): number {
  return new Set(
    query
      .getAll("include")
      .flatMap((value) => value.split(","))
      .map((value) => value.trim())
      .filter(Boolean),
  ).size;
}

/**
 * `include=` embeds cost +1 credit on a show call and +2 on a list call [DOC embedding]. Whether
 * that is per embedded resource or per call is not said; like Freshdesk's per-value rule the
 * sandbox charges per value [inferred], which keeps a client's budget on the safe side.
 */
export function freshserviceCreditCost(routeKey: string, query: URLSearchParams): number {
  const includes = includeCount(query);
  if (includes === 0) return 1;
  if (/^GET \/(tickets|assets|changes|problems|requesters|agents)\/:\w+$/.test(routeKey)) return 1 + includes;
  if (/^GET \/(tickets|assets)$/.test(routeKey)) return 1 + 2 * includes;
  return 1;
}
