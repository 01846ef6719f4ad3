import type { Product } from "../../product.ts";
import type { Paths } from "../types.ts";
import { anyOf, errors, jsonResponse, ref } from "./common.ts";

const simpleExample = {
  freshdesk_webhook: { ticket_id: "1042", triggered_event: '{"ticket_action":"created"}' },
};

export const intakePaths: Paths = {
  "/webhooks/freshdesk": {
    post: {
      operationId: "receiveFreshdeskWebhook",
      tags: ["Webhooks"],
      summary: "Receive a Freshdesk automation-rule webhook",
      description: [
        'Point a Freshdesk automation rule ("ticket is created", optionally "ticket is updated") here.',
        "The body may be Freshdesk's simple format, flat advanced JSON, or form-encoded",
        "(`ticket_id=…` or `freshdesk_webhook[ticket_id]=…`). The ticket is queued for triage and the",
        "answer comes at once; repeated webhooks for a ticket whose job still waits join that job.",
        "Bodies over 256 KB are refused.",
      ].join(" "),
      security: anyOf("webhookToken", "webhookBasic"),
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: { oneOf: [ref("WebhookSimplePayload"), ref("WebhookFlatPayload")] },
            example: simpleExample,
          },
          "application/x-www-form-urlencoded": { schema: ref("WebhookFlatPayload") },
        },
      },
      responses: {
        "202": jsonResponse("Queued for triage.", "WebhookAccepted"),
        ...errors([400, 401, 413, 415, 503], {
          400: "The body is not JSON, not a flat object of scalars, or has no valid `ticket_id`.",
          401: "Missing or wrong webhook secret; the answer carries a `WWW-Authenticate: Basic` challenge.",
          415: "The Content-Type is neither JSON nor form-encoded.",
          503: "The queue (Redis) is unavailable; Freshdesk retries the webhook.",
        }),
      },
    },
  },
};

const freshserviceExample = { ticket_id: 1042, event: "created" };

/** The Freshservice deployment's webhook: a Workflow Automator "Web Request" node posts here. */
export const freshserviceIntakePaths: Paths = {
  "/webhooks/freshservice": {
    post: {
      operationId: "receiveFreshserviceWebhook",
      tags: ["Webhooks"],
      summary: "Receive a Freshservice Workflow Automator web request (Freshservice deployments)",
      description: [
        "Served only by a deployment of Freshservice (`FRESHSERVICE_DOMAIN`, or `SANDBOX_PRODUCT=freshservice`);",
        "a Freshdesk deployment serves `/webhooks/freshdesk` instead. Add a Web Request node to a Workflow",
        'Automator ("Ticket is raised", optionally one on ticket updates): POST, content JSON, header',
        '`X-Webhook-Token: <WEBHOOK_SECRET>`, body `{"ticket_id": {{ticket.id_numeric}}}`. `ticket_id` may be a',
        "number or a string of digits; `event` (`created` or `updated`) is optional; ticket fields added as hints",
        "spare the worker its read of a new ticket. The ticket is queued for triage and the answer comes at once;",
        "repeated webhooks for a ticket whose job still waits join that job. Bodies over 256 KB are refused.",
      ].join(" "),
      security: anyOf("webhookToken", "webhookBasic"),
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: ref("FreshserviceWebhookPayload"), example: freshserviceExample },
          "application/x-www-form-urlencoded": { schema: ref("FreshserviceWebhookPayload") },
        },
      },
      responses: {
        "202": jsonResponse("Queued for triage.", "WebhookAccepted"),
        ...errors([400, 401, 413, 415, 503], {
          400: 'The body is not JSON, not a flat object of scalars, has no valid `ticket_id`, or an `event` other than "created" or "updated".',
          401: "Missing or wrong webhook secret; the answer carries a `WWW-Authenticate: Basic` challenge.",
          415: "The Content-Type is neither JSON nor form-encoded.",
          503: "The queue (Redis) is unavailable; the request was not stored.",
        }),
      },
    },
  },
};

/** The webhook the deployment's product calls: one product per deployment, so one webhook path. */
export function intakePathsFor(product: Product): Paths {
  return product === "freshservice" ? freshserviceIntakePaths : intakePaths;
}
