import type { SandboxServer } from "../support/sandbox-server.ts";

export type WireResponse = { status: number; headers: Headers; text: string; json: unknown };

/** Raw HTTP calls against a running sandbox, with its Basic auth unless told otherwise. */
export function sandboxClient(server: SandboxServer) {
  const authorization = `Basic ${Buffer.from(`${server.apiKey}:X`).toString("base64")}`;
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
    const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body });
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
