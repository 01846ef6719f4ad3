// What the automation emulator needs to render a ticket's webhook: names rather than ids.
import type { AccountFields } from "../account-fields.ts";
import type { WebhookTicketView } from "../automations.ts";
import type { SandboxStore, TicketRecord } from "../store.ts";

export function webhookTicketView(
  record: TicketRecord,
  store: SandboxStore,
  fields: AccountFields,
  portalBase: string,
): WebhookTicketView {
  const t = record.ticket;
  const agent = t.responder_id === null ? undefined : store.agents.get(t.responder_id);
  const requesterContact = store.contacts.get(t.requester_id);
  const requesterAgent = store.agents.get(t.requester_id);
  const latestPublic = store
    .conversationsOf(t.id)
    .filter((c) => !c.private)
    .at(-1);
  return {
    id: t.id,
    subject: t.subject,
    description: t.description,
    descriptionText: t.description_text,
    status: fields.statuses.get(t.status) ?? String(t.status),
    priority: fields.priorities.get(t.priority) ?? String(t.priority),
    source: fields.sources.get(t.source) ?? String(t.source),
    type: t.type,
    tags: [...t.tags],
    groupName: t.group_id === null ? null : (store.groups.get(t.group_id)?.name ?? null),
    agentName: agent?.contact.name ?? null,
    agentEmail: agent?.contact.email ?? null,
    requesterName: requesterContact?.name ?? requesterAgent?.contact.name ?? "",
    requesterEmail: requesterContact?.email ?? requesterAgent?.contact.email ?? null,
    requesterPhone: requesterContact?.phone ?? requesterAgent?.contact.phone ?? null,
    companyName: t.company_id === null ? null : (store.companies.get(t.company_id)?.name ?? null),
    url: `${portalBase}/a/tickets/${t.id}`,
    portalUrl: `${portalBase}/support/tickets/${t.id}`,
    latestPublicComment: latestPublic?.body_text ?? null,
    dueBy: t.due_by,
    customFields: { ...t.custom_fields },
  };
}
