import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import {
  AppError,
  BadRequestError,
  PayloadTooLargeError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from "../errors.ts";
import type { EnqueueResult } from "../queue/triage-queue.ts";
import { secretsEqual } from "./constant-time.ts";
import { annotateRequestLog } from "./request-logging.ts";
import {
  formToObject,
  parseWebhookPayload,
  type WebhookAccepted,
  type WebhookEvent,
} from "./webhook-payload.ts";

export const WEBHOOK_BODY_LIMIT = 256 * 1024;

export type WebhookIntake = { accept(event: WebhookEvent): Promise<EnqueueResult> };
/** What became of one webhook request; reported for metrics. */
export type WebhookOutcome =
  | { result: "accepted" | "deduplicated" }
  /** `reason` is the error code answered, e.g. `unauthorized`, `bad_request`. */
  | { result: "rejected"; reason: string };

export type WebhookRouteDeps = {
  secret: string;
  intake: WebhookIntake;
  onOutcome?: ((outcome: WebhookOutcome) => void) | undefined;
  /** The path under /webhooks: the product's name (default `freshdesk`). */
  path?: string | undefined;
  /** Reads the product's webhook body (default: Freshdesk's automation rule payload). */
  parse?: ((body: unknown) => WebhookEvent) | undefined;
};

/**
 * `POST /webhooks/freshdesk` (or `/webhooks/freshservice`): authenticate, bound, parse, then hand
 * over to the intake. Every rejection happens before anything is stored; a 202 only follows a
 * stored job.
 */
export function webhookRoutes(deps: WebhookRouteDeps): Hono {
  const routes = new Hono();
  const parse = deps.parse ?? parseWebhookPayload;
  routes.post(
    `/${deps.path ?? "freshdesk"}`,
    async (c, next) => {
      await next();
      // A rejection thrown further down was already answered by the error boundary; count it here.
      if (c.error) deps.onOutcome?.({ result: "rejected", reason: rejectionReason(c.error) });
    },
    (c, next) => {
      if (!authorized(c, deps.secret)) {
        c.header("WWW-Authenticate", 'Basic realm="freshdesk-webhook"');
        throw new UnauthorizedError("Missing or wrong webhook secret (X-Webhook-Token or HTTP Basic).");
      }
      return next();
    },
    bodyLimit({
      maxSize: WEBHOOK_BODY_LIMIT,
      onError: () => {
        throw new PayloadTooLargeError(`The webhook body is larger than ${WEBHOOK_BODY_LIMIT / 1024} KB.`);
      },
    }),
    async (c) => {
      const event = parse(await readBody(c));
      const result = await deps.intake.accept(event);
      const accepted: WebhookAccepted = {
        jobId: result.jobId,
        ticketId: event.ticketId,
        deduplicated: result.deduplicated,
      };
      annotateRequestLog(c, { jobId: result.jobId, ticketId: event.ticketId });
      deps.onOutcome?.({ result: result.deduplicated ? "deduplicated" : "accepted" });
      return c.json(accepted, 202);
    },
  );
  return routes;
}

function rejectionReason(error: Error): string {
  return error instanceof AppError ? error.code : "internal_error";
}

function authorized(c: Context, secret: string): boolean {
  const token = c.req.header("x-webhook-token");
  if (token !== undefined) return secretsEqual(token, secret);
  const header = c.req.header("authorization") ?? "";
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const username = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? "" : decoded.slice(colon + 1);
  // Freshdesk's "API key" authentication sends the key as the username with password "X".
  const passwordOk = secretsEqual(password, secret);
  const usernameOk = secretsEqual(username, secret);
  return passwordOk || usernameOk;
}

async function readBody(c: Context): Promise<unknown> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const raw = await c.req.text();
  if (type === "application/json" || type.endsWith("+json")) {
    if (raw.trim() === "") throw new BadRequestError("The webhook body is empty.");
    try {
      return JSON.parse(raw);
    } catch {
      throw new BadRequestError("The webhook body is not valid JSON.");
    }
  }
  if (type === "application/x-www-form-urlencoded") return formToObject(new URLSearchParams(raw));
  throw new UnsupportedMediaTypeError(
    `Content-Type "${type || "(none)"}" is not supported; send application/json or application/x-www-form-urlencoded.`,
  );
}
