/**
 * The `endpoint` label of Freshdesk call metrics: the request path with every id replaced, so
 * `/tickets/17/conversations` and `/tickets/18/conversations` are one series. Anything that is
 * not a plain resource word becomes a placeholder too, so a label can never carry data and the
 * number of series stays bounded by the API's own routes.
 */
export function freshdeskEndpoint(path: string): string {
  const segments = path.split("?")[0]!.split("/").filter(Boolean);
  if (segments.length === 0) return "/";
  return `/${segments.map((segment) => (/^\d+$/.test(segment) ? ":id" : /^[a-z_]{1,40}$/.test(segment) ? segment : ":param")).join("/")}`;
}
