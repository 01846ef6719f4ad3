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
