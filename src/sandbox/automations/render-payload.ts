// Renders a rule's "Simple" content (reference §9.3–§9.6): every value is a string, wrapped in
// `freshdesk_webhook`, encoded as JSON or as an x-www-form-urlencoded form.
import type { TicketEvent, WebhookTicketView } from "./types.ts";

export type RenderedRequest = { contentType: string; body: string };

/** The placeholder keys the emulated rule ticks, in the order Freshdesk lists them (§9.5). */
export function simplePayload(view: WebhookTicketView, event: TicketEvent): Record<string, string> {
  const payload: Record<string, string> = {
    ticket_id: String(view.id),
    ticket_subject: view.subject,
    ticket_description: view.description,
    ticket_url: view.url,
    ticket_portal_url: view.portalUrl,
    ticket_tags: view.tags.join(","),
    ticket_latest_public_comment: text(view.latestPublicComment),
    ticket_group_name: text(view.groupName),
    ticket_agent_name: text(view.agentName),
    ticket_agent_email: text(view.agentEmail),
    ticket_status: view.status,
    ticket_priority: view.priority,
    ticket_source: view.source,
    ticket_type: text(view.type),
    ticket_requester_name: view.requesterName,
    ticket_requester_email: text(view.requesterEmail),
    ticket_requester_phone: text(view.requesterPhone),
    ticket_company_name: text(view.companyName),
    ticket_due_by_time: text(view.dueBy),
  };
  if (view.helpdeskName !== undefined) payload.helpdesk_name = view.helpdeskName;
  for (const [name, value] of Object.entries(view.customFields ?? {})) {
    // A custom field never shadows a standard placeholder.
    payload[`ticket_${name}`] ??= text(value);
  }
  payload.triggered_event = triggeredEvent(event);
  return payload;
}

/** `{{triggered_event}}`: the matched event as a JSON string (§9.6). */
export function triggeredEvent(event: TicketEvent): string {
  return JSON.stringify(event.kind === "created" ? { ticket_action: "created" } : event.changes);
}

export function encodePayload(payload: Record<string, string>, encoding: "json" | "form"): RenderedRequest {
  if (encoding === "json") {
    return { contentType: "application/json", body: JSON.stringify({ freshdesk_webhook: payload }) };
  }
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(payload)) form.append(`freshdesk_webhook[${key}]`, value);
  return { contentType: "application/x-www-form-urlencoded", body: form.toString() };
}

function text(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}
