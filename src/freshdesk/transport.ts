import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import type { Logger } from "../logger.ts";
import { errorFromResponse, parseRetryAfter } from "./error-mapping.ts";
import {
  type FreshdeskApiError,
  FreshdeskInvalidResponseError,
  FreshdeskNetworkError,
  FreshdeskRateLimitError,
  FreshdeskServerError,
  FreshdeskTimeoutError,
} from "./errors.ts";
import { nextPageFromLink } from "./pagination.ts";
import {
  type RateBucket,
  type RateGovernor,
  type RateHeaders,
  type RatePermit,
  RateWaitTooLongError,
} from "./rate-governor.ts";
import { createRedactor } from "./redact.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";
type QueryScalar = string | number | boolean;
export type Query = Record<string, QueryScalar | readonly QueryScalar[] | undefined | null>;

export type RequestSpec = {
  method: HttpMethod;
  /** Below /api/v2, e.g. "/tickets/1". */
  path: string;
  query?: Query;
  body?: unknown;
  /** Estimated API credits (reference §3.3); default 1. */
  cost?: number;
  /**
   * The per-endpoint sub-limit the call also counts against (Freshservice's "list" and
   * "view_write" buckets); Freshdesk has none.
   */
  bucket?: RateBucket;
};

/** One HTTP attempt to Freshdesk as seen by an observer (metrics); never carries bodies. */
export type FreshdeskCallReport = {
  method: HttpMethod;
  path: string;
  /** The HTTP status, or `timeout` / `network` when no answer arrived. */
  status: number | "timeout" | "network";
  durationMs: number;
  rateLimit?: { total: number | undefined; remaining: number | undefined };
};

export type TransportOptions = {
  /** How the product is named in messages and logs (default "Freshdesk"). */
  product?: string;
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxRetries: number;
  governor: RateGovernor | undefined;
  logger: Logger | undefined;
  fetch: typeof fetch;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRetryAfterSeconds: number;
  maxRateWaitMs: number;
  onResponse?: ((call: FreshdeskCallReport) => void) | undefined;
};

export type Transport = {
  /** A JSON answer validated by `schema`, plus the next page from the Link header. */
  json<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<{ data: z.output<S>; nextPage?: number }>;
  /** An answer with no body (204), e.g. DELETE. */
  empty(spec: RequestSpec): Promise<void>;
};

/** The longest pause a 429 can impose: Freshdesk's (and Freshservice's) limits reset within an hour. */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/** Connection errors that happen before a byte of the request was sent. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

type Attempt =
  | { kind: "done"; response: Response; text: string }
  /** `delayMs` undefined: use the exponential backoff. */
  | { kind: "retry"; error: FreshdeskApiError; delayMs: number | undefined }
  | { kind: "fail"; error: FreshdeskApiError };

export function createTransport(options: TransportOptions): Transport {
  const root = `${options.baseUrl.replace(/\/+$/, "")}/api/v2`;
  const authorization = `Basic ${Buffer.from(`${options.apiKey}:X`).toString("base64")}`;
  const redact = createRedactor(options.apiKey);
  const log = options.logger;
  const product = options.product ?? "Freshdesk";

  async function send(spec: RequestSpec): Promise<{ response: Response; text: string }> {
    const idempotent = spec.method !== "POST";
    for (let attempt = 0; ; attempt++) {
      const permit = await acquire(spec);
      const outcome = await attemptOnce(spec, idempotent, permit);
      if (outcome.kind === "done") return outcome;
      if (outcome.kind === "fail" || attempt >= options.maxRetries) throw outcome.error;
      const delayMs = outcome.delayMs ?? backoff(attempt);
      log?.debug(
        { method: spec.method, path: spec.path, attempt, delayMs, code: outcome.error.code },
        `retrying ${product} request`,
      );
      if (delayMs > 0) await sleep(delayMs);
    }
  }

  async function acquire(spec: RequestSpec): Promise<RatePermit | undefined> {
    if (!options.governor) return undefined;
    try {
      return await options.governor.acquire(spec.cost ?? 1, {
        maxWaitMs: options.maxRateWaitMs,
        ...(spec.bucket ? { bucket: spec.bucket } : {}),
      });
    } catch (error) {
      if (!(error instanceof RateWaitTooLongError)) throw error;
      throw new FreshdeskRateLimitError(
        `The ${product} API budget for this account is used up; retry in ${error.retryAfterSeconds} s.`,
        error.retryAfterSeconds,
        { method: spec.method, path: spec.path, cause: error, product },
      );
    }
  }

  // Bounded exponential backoff with jitter, so retrying workers do not stampede together.
  function backoff(attempt: number): number {
    const ceiling = Math.min(options.retryMaxDelayMs, options.retryBaseDelayMs * 2 ** Math.min(attempt, 16));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  async function attemptOnce(
    spec: RequestSpec,
    idempotent: boolean,
    permit: RatePermit | undefined,
  ): Promise<Attempt> {
    const info = { method: spec.method, path: spec.path };
    let response: Response;
    let text: string;
    const started = performance.now();
    const report = (status: FreshdeskCallReport["status"], rateLimit?: FreshdeskCallReport["rateLimit"]) =>
      options.onResponse?.({ ...info, status, durationMs: performance.now() - started, rateLimit });
    try {
      response = await options.fetch(buildUrl(root, spec), {
        method: spec.method,
        headers: {
          authorization,
          accept: "application/json",
          ...(spec.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: spec.body === undefined ? null : JSON.stringify(spec.body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      report(isTimeout(cause) ? "timeout" : "network");
      return connectionFailure(cause, idempotent, spec);
    } finally {
      await permit?.settle();
    }
    const requestId = response.headers.get("x-request-id") ?? undefined;
    const rate = rateHeaders(response.headers);
    report(response.status, { total: rate.total, remaining: rate.remaining });
    await observeRateHeaders(rate);

    if (response.ok) return { kind: "done", response, text };

    const retryAfterSeconds = retryAfter(response.headers.get("retry-after"), spec);
    const error = errorFromResponse({
      ...info,
      status: response.status,
      requestId,
      bodyText: text,
      retryAfterSeconds,
      redact,
      product,
    });
    if (error instanceof FreshdeskRateLimitError) {
      // The service did not process a 429'd request, so even a POST may be re-sent.
      log?.warn({ ...info, retryAfterSeconds }, `${product} rate limit reached`);
      await options.governor?.blockFor(retryAfterSeconds);
      if (retryAfterSeconds > options.maxRetryAfterSeconds) return { kind: "fail", error };
      // With a governor, the shared block makes the next acquire() wait; without one, wait here.
      return { kind: "retry", error, delayMs: options.governor ? 0 : retryAfterSeconds * 1000 };
    }
    if (error instanceof FreshdeskServerError && idempotent) {
      return { kind: "retry", error, delayMs: undefined };
    }
    return { kind: "fail", error };
  }

  /**
   * The service's Retry-After, capped: the pause it starts stops every process on the account, so
   * an absurd value (a proxy's, or a bug's) must not stop triage for a day.
   */
  function retryAfter(header: string | null, spec: RequestSpec): number {
    const asked = parseRetryAfter(header, 60);
    if (asked <= MAX_RETRY_AFTER_SECONDS) return asked;
    log?.warn(
      { method: spec.method, path: spec.path, retryAfter: header, cappedSeconds: MAX_RETRY_AFTER_SECONDS },
      `${product} asked to wait longer than an hour; waiting an hour instead`,
    );
    return MAX_RETRY_AFTER_SECONDS;
  }

  function connectionFailure(cause: unknown, idempotent: boolean, spec: RequestSpec): Attempt {
    const info = { method: spec.method, path: spec.path, cause, product };
    const request = `${spec.method} ${spec.path}`;
    if (isTimeout(cause)) {
      const unknownOutcome = !idempotent;
      const message = unknownOutcome
        ? `${product} did not answer ${request} within ${options.timeoutMs} ms; the outcome is unknown, so it was not sent again.`
        : `${product} did not answer ${request} within ${options.timeoutMs} ms.`;
      const error = new FreshdeskTimeoutError(message, unknownOutcome, info);
      return unknownOutcome ? { kind: "fail", error } : { kind: "retry", error, delayMs: undefined };
    }
    const neverSent = NOT_SENT_CODES.has(errorCode(cause) ?? "");
    if (neverSent || idempotent) {
      const message = neverSent
        ? `Could not connect to ${product} for ${request}.`
        : `The connection to ${product} broke during ${request}.`;
      return { kind: "retry", error: new FreshdeskNetworkError(message, false, info), delayMs: undefined };
    }
    const error = new FreshdeskNetworkError(
      `The connection to ${product} broke during ${request}; the outcome is unknown, so it was not sent again.`,
      true,
      info,
    );
    return { kind: "fail", error };
  }

  async function observeRateHeaders({ total, remaining, used }: RateHeaders): Promise<void> {
    if (!options.governor) return;
    if (total === undefined && remaining === undefined) return;
    try {
      await options.governor.observe({ total, remaining, used });
    } catch (error) {
      log?.warn({ err: error }, `could not record ${product} rate-limit headers`);
    }
  }

  return {
    async json(spec, schema) {
      const { response, text } = await send(spec);
      const info = {
        product,
        method: spec.method,
        path: spec.path,
        requestId: response.headers.get("x-request-id") ?? undefined,
      };
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (cause) {
        throw new FreshdeskInvalidResponseError(
          `${product} answered ${spec.method} ${spec.path} with a body that is not JSON.`,
          ["body: not JSON"],
          { ...info, cause },
        );
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues
          .slice(0, 10)
          .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
        throw new FreshdeskInvalidResponseError(
          `${product} answered ${spec.method} ${spec.path} with an unexpected shape (${issues[0]}).`,
          issues,
          { ...info, body },
        );
      }
      return { data: parsed.data, nextPage: nextPageFromLink(response.headers.get("link")) };
    },
    async empty(spec) {
      await send(spec);
    },
  };
}

function rateHeaders(headers: Headers): RateHeaders {
  const read = (name: string) => {
    const value = Number(headers.get(name));
    return headers.has(name) && Number.isFinite(value) ? value : undefined;
  };
  return {
    total: read("x-ratelimit-total"),
    remaining: read("x-ratelimit-remaining"),
    used: read("x-ratelimit-used-currentrequest"),
  };
}

function buildUrl(root: string, spec: RequestSpec): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(spec.query ?? {})) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.join(",") : String(value);
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return pairs.length > 0 ? `${root}${spec.path}?${pairs.join("&")}` : `${root}${spec.path}`;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return undefined;
}
