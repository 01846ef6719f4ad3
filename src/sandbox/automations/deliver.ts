// One webhook request, sent the way Freshdesk sends it (reference §9.2–§9.3): fixed headers,
// optional authentication, a timeout, and redirects never followed.
import type { RenderedRequest } from "./render-payload.ts";
import type { AutomationAuth } from "./types.ts";

export type AttemptResult = number | "timeout" | "error" | "cancelled";

export type DeliveryTarget = {
  url: string;
  auth: AutomationAuth | undefined;
  timeoutMs: number;
  /** The sending product's name; Freshdesk by default. */
  userAgent?: string;
};

export function webhookHeaders(
  auth: AutomationAuth | undefined,
  contentType: string,
  userAgent = "Freshdesk",
): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    Accept: "application/json",
    "User-Agent": userAgent,
  };
  if (auth?.type === "basic") headers.Authorization = basic(`${auth.username}:${auth.password}`);
  if (auth?.type === "api_key") headers.Authorization = basic(`${auth.key}:X`);
  // Custom headers are merged last, so they can override the defaults.
  if (auth?.type === "header") {
    for (const name of Object.keys(headers))
      if (name.toLowerCase() === auth.name.toLowerCase()) delete headers[name];
    headers[auth.name] = auth.value;
  }
  return headers;
}

/**
 * Sends one attempt. `cancel` aborts it when the emitter closes. The response body is ignored,
 * only the status matters; a 3xx is returned as it is, never followed.
 */
export async function sendAttempt(
  fetchImpl: typeof fetch,
  target: DeliveryTarget,
  request: RenderedRequest,
  cancel: AbortSignal,
): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(target.timeoutMs);
  try {
    const response = await fetchImpl(target.url, {
      method: "POST",
      headers: webhookHeaders(target.auth, request.contentType, target.userAgent),
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.any([timeout, cancel]),
    });
    // Release the connection without reading a body nobody looks at.
    await response.body?.cancel().catch(() => undefined);
    return response.status;
  } catch {
    if (cancel.aborted) return "cancelled";
    return timeout.aborted ? "timeout" : "error";
  }
}

function basic(credentials: string): string {
  return `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;
}
