import type { FreshserviceSandboxServer } from "../support/freshservice-sandbox-server.ts";

export type WireResponse = {
  status: number;
  headers: Headers;
  text: string;
  // Tests read the wire bodies field by field and assert their shapes; a JSON value type here
  // would only add casts to every line.
  // biome-ignore lint/suspicious/noExplicitAny: parsed response JSON, asserted by the tests
  json: any;
};

/** Raw HTTP as the official docs show it: Basic `<key>:X`, JSON bodies, paths from `/api/v2`. */
export function wireClient(server: FreshserviceSandboxServer, apiKey = server.apiKey) {
  const authorization = `Basic ${Buffer.from(`${apiKey}:X`).toString("base64")}`;
  return async function call(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ): Promise<WireResponse> {
    const headers: Record<string, string> = { Authorization: authorization, ...options.headers };
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["Content-Type"] ??= "application/json";
    }
    const response = await fetch(`${server.baseUrl}/api/v2${path}`, { method, headers, body });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
}

/** `?query=` of the filter endpoint, quoted and URL-encoded as the docs show. */
export function filterPath(expression: string, extra = ""): string {
  return `/tickets/filter?query=${encodeURIComponent(`"${expression}"`)}${extra}`;
}

/** A valid ticket body; tests override what they look at. */
export function ticketBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subject: "Laptop does not start",
    description: "<div>It shows a black screen.</div>",
    email: "emma.cohen@acme-corp.com",
    status: 2,
    priority: 2,
    ...overrides,
  };
}
