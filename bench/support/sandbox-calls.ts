import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

/** One API request the embedded sandbox answered, as its HTTP server saw it. */
export type SandboxCall = {
  /** When the request reached the server (ms since epoch): the moment the sandbox charges it. */
  at: number;
  method: string;
  /** Below /api/v2, e.g. `/tickets/12`. */
  path: string;
  /** The query string without `?`. */
  query: string;
  status: number;
};

/**
 * Logs every request to the embedded sandbox's API (mounted at `mount`) with its arrival time,
 * from Node's HTTP server diagnostics channels, so a benchmark can tell how many credits fell in
 * any one minute. The sandbox's own stats only count totals; nothing in the service is changed.
 * Started before the service, so warm-up and learning calls are logged too.
 */
export function recordSandboxCalls(mount = "/sandbox/api/v2"): { since(index: number): SandboxCall[] } {
  const arrived = new WeakMap<ServerResponse, number>();
  const calls: SandboxCall[] = [];
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    if (request.url?.startsWith(`${mount}/`) || request.url?.startsWith(`${mount}?`)) {
      arrived.set(response, Date.now());
    }
  });
  subscribe("http.server.response.finish", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const at = arrived.get(response);
    if (at === undefined) return;
    const url = new URL(request.url ?? "/", "http://sandbox");
    calls.push({
      at,
      method: request.method ?? "GET",
      path: url.pathname.slice(mount.length) || "/",
      query: url.search.replace(/^\?/, ""),
      status: response.statusCode,
    });
  });
  return { since: (index) => calls.slice(index) };
}
