import { z } from "zod";
import { BadRequestError } from "../errors.ts";
import type { WebhookEvent } from "./webhook-payload.ts";

/**
 * What a Freshservice Workflow Automator "Web Request" node sends (reference §12): the
 * recommended body is `{"ticket_id": {{ticket.id_numeric}}}`, which arrives as a number, or as a
 * string when the admin quoted the placeholder. `event` ("created" for the "Ticket is raised"
 * automator, "updated" for update events) is optional; without it the worker's content hash
 * decides. Any of the ticket fields below may be added as a hint that saves reading the ticket.
 */

/** Ticket fields the body may carry as a hint, under the names the worker reads. */
const HINT_KEYS = [
  "subject",
  "description",
  "description_text",
  "status",
  "priority",
  "urgency",
  "impact",
  "source",
  "type",
  "category",
  "sub_category",
  "item_category",
  "group_id",
  "group_name",
  "responder_id",
  "requester_id",
  "requester_email",
  "requester_name",
  "department_id",
  "department_name",
  "created_at",
] as const;
const HINT_KEY_SET: ReadonlySet<string> = new Set(HINT_KEYS);

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const freshserviceWebhookPayloadSchema = z.record(z.string().max(200), scalar).meta({
  description: [
    "A flat JSON object from a Workflow Automator Web Request node. `ticket_id` is required: the numeric ticket id (`{{ticket.id_numeric}}`), as a number or a string of digits.",
    '`event` is optional: "created" (Ticket is raised) or "updated".',
    `Optional hints that save reading the ticket: ${HINT_KEYS.join(", ")} (also accepted with a \`ticket_\` prefix).`,
  ].join(" "),
  examples: [{ ticket_id: 1042 }, { ticket_id: "1042", event: "created" }],
});

/**
 * The body as the API document describes it (src/openapi/components.ts): the same flat object of
 * scalars the parser reads, with the keys it looks at named. The parser below, not this schema,
 * decides what is accepted; the document's test checks the two agree on the examples and keys.
 */
export const freshserviceWebhookBodySchema = z
  .object({
    ticket_id: z
      .union([
        z.int().positive(),
        z
          .string()
          .regex(/^(#?([Ii][Nn][Cc]|[Ss][Rr]|[Cc][Hh][Nn]|[Pp][Rr][Bb])-)?\d{1,15}$/)
          .describe("Digits, or the display form such as `#INC-1042` (its number is taken as the id)."),
      ])
      .describe("The numeric ticket id: `{{ticket.id_numeric}}`, a number or a string of digits."),
    event: z
      .enum(["created", "updated"])
      .optional()
      .describe(
        '`created` from the "Ticket is raised" automator, `updated` from an update event; without it the worker\'s content hash decides.',
      ),
    ...Object.fromEntries(
      HINT_KEYS.map((key) => [
        key,
        scalar.optional().describe(`A hint (also accepted as \`ticket_${key}\`).`),
      ]),
    ),
  })
  .catchall(scalar)
  .meta({
    description: [
      "A flat JSON object from a Freshservice Workflow Automator Web Request node (Freshservice deployments only).",
      'Only `ticket_id` is required. With `event: "created"` and the new ticket\'s subject, description, status,',
      "priority, urgency, impact, type, category and requester as hints, the worker skips reading the ticket.",
      "Names or numbers are both read for status, priority, urgency and impact. Other keys are ignored.",
    ].join(" "),
    examples: [{ ticket_id: 1042, event: "created" }, { ticket_id: "1042" }],
  });

/**
 * `{{ticket.id}}` renders the display form such as `#INC-1042` or `SR-1042` [inferred: the
 * number in it is the numeric id]; accepting it spares an admin who picked the wrong placeholder.
 */
const DISPLAY_ID = /^#?(?:INC|SR|CHN|PRB)-(\d{1,15})$/i;

export function parseFreshserviceWebhookPayload(body: unknown): WebhookEvent {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new BadRequestError('The webhook body must be a JSON object such as {"ticket_id": 1042}.');
  }
  const parsed = freshserviceWebhookPayloadSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `"${issue.path.join(".")}"` : "the payload";
    throw new BadRequestError(
      `Invalid webhook payload: ${where} must be a string, number, boolean or null (the body is a flat object).`,
    );
  }
  const fields = parsed.data;
  return {
    ticketId: parseTicketId(fields.ticket_id ?? fields.id),
    event: parseEvent(fields.event),
    hint: hintOf(fields),
  };
}

function parseTicketId(raw: string | number | boolean | null | undefined): number {
  if (raw === undefined || raw === null || raw === "") {
    throw new BadRequestError(
      'Invalid webhook payload: "ticket_id" is required, e.g. {"ticket_id": {{ticket.id_numeric}}}.',
    );
  }
  const text = typeof raw === "string" ? raw.trim() : raw;
  const digits = typeof text === "string" ? (DISPLAY_ID.exec(text)?.[1] ?? text) : text;
  const id =
    typeof digits === "number" ? digits : /^\d{1,15}$/.test(String(digits)) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new BadRequestError(
      `Invalid webhook payload: "ticket_id" must be a positive integer (got ${JSON.stringify(raw)}).`,
    );
  }
  return id;
}

function parseEvent(raw: string | number | boolean | null | undefined): WebhookEvent["event"] {
  if (raw === undefined || raw === null || raw === "") return "other";
  const text = String(raw).trim().toLowerCase();
  if (text === "created" || text === "updated") return text;
  throw new BadRequestError(
    `Invalid webhook payload: "event" must be "created" or "updated" (got ${JSON.stringify(raw)}).`,
  );
}

function hintOf(fields: Record<string, string | number | boolean | null>): Record<string, string> {
  const hint: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    const name = key.startsWith("ticket_") && key !== "ticket_id" ? key.slice("ticket_".length) : key;
    if (!HINT_KEY_SET.has(name) || value === null) continue;
    hint[name] = String(value).slice(0, 100_000);
  }
  return hint;
}
