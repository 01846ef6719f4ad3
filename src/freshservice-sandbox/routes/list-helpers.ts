// Small pieces every directory route uses: paging with the filter endpoints' page cap, lookups
// that answer 404, and the workspace parameter.
import { type FieldError, fieldError, WireNotFoundError } from "../../sandbox/http/errors.ts";
import { type Paging, parsePaging, positiveIntParam, type Query } from "../../sandbox/http/query.ts";

/** Requester, agent and asset filters stop at page 40 (§4); the sandbox applies it to every `query=`. */
export const FILTER_MAX_PAGE = 40;

/** `page`/`per_page` (§8); with a filter, also the page cap. */
export function listPaging(query: Query, errors: FieldError[], filtered: boolean): Paging {
  const paging = parsePaging(query, errors);
  if (filtered && paging.page > FILTER_MAX_PAGE) {
    errors.push(
      fieldError(
        "page",
        "invalid_value",
        `It should be a Positive Integer less than or equal to ${FILTER_MAX_PAGE}`,
      ),
    );
  }
  return paging;
}

/** The record with this id (a path parameter), or a 404. */
export function found<T>(map: ReadonlyMap<number, T>, rawId: string | undefined): T {
  const record = map.get(Number(rawId));
  if (record === undefined) throw new WireNotFoundError();
  return record;
}

/** `workspace_id`: absent = the primary workspace, 0 = every workspace (§6, §11). */
export function workspaceFilter(
  query: Query,
  primary: number,
  errors: FieldError[],
): (record: { workspace_id: number }) => boolean {
  if (query.workspace_id === "0") return () => true;
  const wanted = positiveIntParam(query, "workspace_id", errors) ?? primary;
  return (record) => record.workspace_id === wanted;
}
