import { z } from "zod";
import { BadRequestError } from "../errors.ts";
import type { TriageEvent } from "../queue/triage-queue.ts";

/**
 * What a Freshdesk automation rule sends, reduced to what we act on. Freshdesk renders every
 * placeholder as a string, so ids arrive as digits in strings. Both the "simple" format
 * (`{"freshdesk_webhook": {...}}`) and flat "advanced" JSON are accepted.
 */
export type WebhookEvent = {
  ticketId: number;
  event: TriageEvent;
  /** Ticket fields the rule chose to send; a hint only, the worker re-reads the ticket. */
  hint: Record<string, string>;
};

const ticketIdSchema = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .trim()
    .regex(/^\d{1,15}$/, "must be a positive integer")
    .transform(Number)
    .pipe(z.number().int().positive()),
]);

/** Accept scalar values only; nested objects in a webhook are a sign of a wrong payload. */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The "advanced" format: the rule's placeholders as one flat object. */
export const webhookFlatPayloadSchema = z.record(z.string().max(200), scalar).meta({
  description: [
    "A flat object of Freshdesk placeholders. `ticket_id` (or `id`) is required, a positive integer or its digits.",
    '`triggered_event` (e.g. `{"ticket_action":"created"}`) tells a new ticket from an update.',
    "`ticket_*` fields such as `ticket_subject`, `ticket_description`, `ticket_status`, `ticket_priority`,",
    "`ticket_tags`, `ticket_group_name` and `ticket_cf_*` are optional hints that save Freshdesk calls.",
  ].join(" "),
  examples: [
    {
      ticket_id: "1042",
      triggered_event: '{"ticket_action":"created"}',
      ticket_subject: "Cannot log in after password reset",
      ticket_description: "<div>Since this morning the login page says my password is wrong.</div>",
      ticket_status: "Open",
      ticket_priority: "Low",
    },
  ],
});

/** The "simple" format: the same fields under `freshdesk_webhook`. */
export const webhookSimplePayloadSchema = z.object({ freshdesk_webhook: webhookFlatPayloadSchema });

export const webhookAcceptedSchema = z.object({
  jobId: z.string(),
  ticketId: z.number().int().positive(),
  deduplicated: z.boolean().describe("True when the webhook joined a job already waiting for this ticket."),
});
export type WebhookAccepted = z.infer<typeof webhookAcceptedSchema>;

/**
 * Ticket fields a rule may send (simple-format `ticket_*` keys; the recommended advanced payload
 * uses the same keys), kept under short names. Empty strings are kept: "no group" is information.
 */
const HINT_KEYS: Record<string, string> = {
  ticket_subject: "subject",
  ticket_description: "description",
  ticket_description_text: "description_text",
  ticket_status: "status",
  ticket_priority: "priority",
  ticket_source: "source",
  ticket_type: "type",
  ticket_tags: "tags",
  ticket_group_name: "group_name",
  ticket_agent_email: "agent_email",
  ticket_requester_email: "requester_email",
  ticket_requester_name: "requester_name",
  ticket_company_name: "company_name",
  ticket_latest_public_comment: "latest_public_comment",
};

/** `ticket_cf_*` (ticket custom fields) and `ticket_requester_company_*` (company fields). */
function hintName(key: string): string | undefined {
  if (HINT_KEYS[key]) return HINT_KEYS[key];
  if (key.startsWith("ticket_cf_")) return key.slice("ticket_".length);
  if (key.startsWith("ticket_requester_company_"))
    return `company_field_${key.slice("ticket_requester_company_".length)}`;
  return undefined;
}

export function parseWebhookPayload(body: unknown): WebhookEvent {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new BadRequestError("The webhook body must be a JSON object or a form-encoded payload.");
  }
  const inner = (body as Record<string, unknown>).freshdesk_webhook;
  const candidate = inner === undefined ? body : inner;
  const flat = webhookFlatPayloadSchema.safeParse(candidate);
  if (!flat.success) {
    const issue = flat.error.issues[0];
    const where = issue?.path.length ? `"${issue.path.join(".")}"` : "the payload";
    throw new BadRequestError(`Invalid webhook payload: ${where} must be a flat object of strings.`);
  }
  const fields = flat.data;
  const rawId = fields.ticket_id ?? fields.id;
  if (rawId === undefined || rawId === null || rawId === "") {
    throw new BadRequestError('Invalid webhook payload: "ticket_id" is required.');
  }
  const ticketId = ticketIdSchema.safeParse(rawId);
  if (!ticketId.success) {
    throw new BadRequestError('Invalid webhook payload: "ticket_id" must be a positive integer.');
  }

  const hint: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    const name = hintName(key);
    if (name && value !== null) hint[name] = String(value).slice(0, 100_000);
  }
  return {
    ticketId: ticketId.data,
    event: parseTriggeredEvent(fields.triggered_event ?? fields.event),
    hint,
  };
}

/**
 * `triggered_event` is a JSON-encoded string such as `{"ticket_action":"created"}` or
 * `{"priority":{"from":1,"to":4}}`, sometimes with extra backslash escaping. Anything we cannot
 * read is still a valid webhook: it becomes "other" and the worker's content hash decides.
 */
export function parseTriggeredEvent(raw: unknown): TriageEvent {
  if (raw === undefined || raw === null || raw === "") return "other";
  const text = String(raw);
  if (text === "created" || text === "updated") return text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/\\"/g, '"'));
  } catch {
    return /ticket_action\W+created/.test(text) ? "created" : "other";
  }
  if (parsed && typeof parsed === "object") {
    const action = (parsed as Record<string, unknown>).ticket_action;
    if (action === "created") return "created";
    return "updated";
  }
  return "other";
}

/** `freshdesk_webhook[ticket_id]=1&…` and plain `ticket_id=1&…` form bodies. */
export function formToObject(form: URLSearchParams): Record<string, unknown> {
  const outer: Record<string, string> = {};
  const nested: Record<string, string> = {};
  for (const [key, value] of form) {
    const match = /^freshdesk_webhook\[([^\]]+)\]$/.exec(key);
    if (match?.[1]) nested[match[1]] = value;
    else outer[key] = value;
  }
  return Object.keys(nested).length > 0 ? { freshdesk_webhook: nested } : outer;
}
