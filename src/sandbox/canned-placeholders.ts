// Renders `{{ticket.…}}` placeholders of a canned response for one ticket, Liquid-style:
// unknown placeholders render empty. Values are HTML-escaped because they land in HTML content.
import type { AccountFields } from "./account-fields.ts";
import { escapeHtml } from "./html-text.ts";
import type { SandboxStore, TicketRecord } from "./store.ts";

export function placeholderValues(
  record: TicketRecord,
  store: SandboxStore,
  fields: AccountFields,
  helpdeskBase: string,
): Record<string, string> {
  const t = record.ticket;
  const agent = t.responder_id === null ? undefined : store.agents.get(t.responder_id);
  const requester = store.contacts.get(t.requester_id);
  const requesterName = requester?.name ?? store.agents.get(t.requester_id)?.contact.name ?? "";
  const [firstName = "", ...rest] = requesterName.split(" ");
  const values: Record<string, string> = {
    "ticket.id": String(t.id),
    "ticket.subject": t.subject,
    "ticket.description": t.description,
    "ticket.description_text": t.description_text,
    "ticket.status": fields.statuses.get(t.status) ?? "",
    "ticket.priority": fields.priorities.get(t.priority) ?? "",
    "ticket.source": fields.sources.get(t.source) ?? "",
    "ticket.ticket_type": t.type ?? "",
    "ticket.tags": t.tags.join(","),
    "ticket.url": `${helpdeskBase}/a/tickets/${t.id}`,
    "ticket.portal_url": `${helpdeskBase}/support/tickets/${t.id}`,
    "ticket.due_by_time": t.due_by,
    "ticket.group.name": t.group_id === null ? "" : (store.groups.get(t.group_id)?.name ?? ""),
    "ticket.agent.name": agent?.contact.name ?? "",
    "ticket.agent.email": agent?.contact.email ?? "",
    "ticket.requester.name": requesterName,
    "ticket.requester.firstname": firstName,
    "ticket.requester.lastname": rest.join(" "),
    "ticket.requester.email": requester?.email ?? store.userEmail(t.requester_id) ?? "",
    "ticket.requester.phone": requester?.phone ?? "",
    "ticket.company.name": t.company_id === null ? "" : (store.companies.get(t.company_id)?.name ?? ""),
  };
  for (const [name, value] of Object.entries(t.custom_fields))
    values[`ticket.${name}`] = value === null ? "" : String(value);
  return values;
}

export function renderPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_whole, name: string) =>
    escapeHtml(values[name] ?? ""),
  );
}
