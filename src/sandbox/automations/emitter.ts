// The automation-rule emulator: when a ticket is created or updated, render the rule's webhook
// once and deliver it, retrying on failure the way Freshdesk does (reference §9.7): after 5, 30
// and 60 minutes, each measured from the previous attempt, always with the body rendered when
// the rule fired. 2xx and 3xx are final; anything else, a timeout or a network error is retried.
import type { Logger } from "../../logger.ts";
import { silentLogger } from "../../logger.ts";
import { type ResolvedAutomationConfig, resolveAutomationConfig } from "./automation-config.ts";
import { sendAttempt } from "./deliver.ts";
import { encodePayload, type RenderedRequest, simplePayload } from "./render-payload.ts";
import type {
  AutomationConfig,
  AutomationEmitter,
  DeliveryRecord,
  TicketEvent,
  WebhookTicketView,
} from "./types.ts";

/** Turns what the product knows about a ticket into the request body of the rule's webhook. */
export type PayloadRenderer<View> = (
  view: View,
  event: TicketEvent,
  encoding: ResolvedAutomationConfig["encoding"],
) => RenderedRequest;

export type AutomationEmitterDeps<View extends { id: number } = WebhookTicketView> = {
  fetch?: typeof fetch;
  now?: () => number;
  logger?: Logger;
  /** Freshdesk's "Simple" content by default. */
  render?: PayloadRenderer<View>;
  /** User-Agent of the deliveries; "Freshdesk" by default. */
  userAgent?: string;
};

const simpleContent: PayloadRenderer<WebhookTicketView> = (view, event, encoding) =>
  encodePayload(simplePayload(view, event), encoding);

/** Older records are dropped so a long-running sandbox does not grow without bound. */
const MAX_RECORDS = 1000;
/** Freshdesk emails admins about failed webhooks at most once per hour per rule. */
const FAILURE_NOTICE_INTERVAL_MS = 60 * 60_000;

type Delivery = {
  ticketId: number;
  event: TicketEvent["kind"];
  request: RenderedRequest;
  rule: ResolvedAutomationConfig;
};

export function createAutomationEmitter<View extends { id: number } = WebhookTicketView>(
  config?: AutomationConfig,
  deps: AutomationEmitterDeps<View> = {},
): AutomationEmitter<View> {
  // Without a renderer View is the default, WebhookTicketView, which simpleContent renders.
  const render = deps.render ?? (simpleContent as unknown as PayloadRenderer<View>);
  const userAgent = deps.userAgent;
  const fetchImpl = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? silentLogger();
  let rule = config ? resolveAutomationConfig(config) : undefined;
  let closed = false;
  let lastFailureNoticeAt = Number.NEGATIVE_INFINITY;
  const records: DeliveryRecord[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const cancel = new AbortController();

  // Attempts in flight plus retries scheduled; idle() waits for it to reach zero.
  let pending = 0;
  let idleWaiters: Array<() => void> = [];
  const settle = (): void => {
    pending--;
    if (pending > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };
  const track = (work: Promise<void>): void => {
    pending++;
    work.catch((error: unknown) => logger.error({ err: error }, "Webhook delivery crashed")).finally(settle);
  };

  const attempt = async (delivery: Delivery, number: number): Promise<void> => {
    const target = {
      url: delivery.rule.targetUrl,
      auth: delivery.rule.auth,
      timeoutMs: delivery.rule.timeoutMs,
      userAgent,
    };
    const status = await sendAttempt(fetchImpl, target, delivery.request, cancel.signal);
    if (status === "cancelled") return;
    const delivered = typeof status === "number" && status >= 200 && status < 400;
    const retryDelay = delivered ? undefined : delivery.rule.retryDelaysMs[number - 1];
    const outcome = delivered ? "delivered" : retryDelay === undefined ? "failed" : "retrying";
    record({
      ticketId: delivery.ticketId,
      event: delivery.event,
      attempt: number,
      status,
      at: now(),
      outcome,
    });
    if (retryDelay !== undefined) scheduleRetry(() => attempt(delivery, number + 1), retryDelay);
    if (outcome === "failed") noticeFailure(delivery, number, status);
  };

  const scheduleRetry = (run: () => Promise<void>, delayMs: number): void => {
    pending++;
    const timer = setTimeout(() => {
      timers.delete(timer);
      track(run());
      settle();
    }, delayMs);
    // A pending retry must not keep the process alive at shutdown.
    timer.unref();
    timers.add(timer);
  };

  const record = (entry: DeliveryRecord): void => {
    records.push(entry);
    if (records.length > MAX_RECORDS) records.shift();
  };

  const noticeFailure = (delivery: Delivery, attempts: number, status: DeliveryRecord["status"]): void => {
    if (now() - lastFailureNoticeAt < FAILURE_NOTICE_INTERVAL_MS) return;
    lastFailureNoticeAt = now();
    // The target URL is left out on purpose: receivers may carry a secret in it.
    logger.warn(
      { ticketId: delivery.ticketId, event: delivery.event, attempts, status },
      "Webhook delivery failed after all retries",
    );
  };

  return {
    ticketChanged(view: View, event: TicketEvent): void {
      if (closed || !rule || !rule.events.has(event.kind)) return;
      let request: RenderedRequest;
      try {
        request = render(view, event, rule.encoding);
      } catch (error) {
        // Fire-and-forget: a ticket that cannot be rendered must not break the API call behind it.
        logger.error({ err: error, ticketId: view.id }, "Could not render the webhook payload");
        return;
      }
      track(attempt({ ticketId: view.id, event: event.kind, request, rule }, 1));
    },
    setTarget(next: AutomationConfig | undefined): void {
      rule = next ? resolveAutomationConfig(next) : undefined;
      lastFailureNoticeAt = Number.NEGATIVE_INFINITY;
    },
    deliveries: () => [...records],
    idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    close(): void {
      closed = true;
      for (const timer of timers) {
        clearTimeout(timer);
        settle();
      }
      timers.clear();
      cancel.abort();
    },
  };
}
