import type { Redis } from "ioredis";
import { htmlToText } from "../src/mcp/output/html-to-text.ts";
import { hintKey } from "../src/queue/intake.ts";
import type { TicketSnapshot } from "../src/triage/index.ts";
import type { AccountSnapshot } from "./account-snapshot.ts";

/**
 * A new ticket as the automation rule described it, when the rule sent everything triage needs
 * (the recommended payload in the README). Using it instead of reading the ticket saves one
 * Freshdesk credit per ticket. Anything missing or unknown (an unknown group name, a company
 * without its fields) returns undefined and the worker reads the ticket as usual.
 */
const PRIORITIES: Record<string, 1 | 2 | 3 | 4> = { low: 1, medium: 2, high: 3, urgent: 4 };
const STATUSES: Record<string, number> = { open: 2, pending: 3, resolved: 4, closed: 5 };
const REQUIRED = ["subject", "status", "priority", "type", "tags", "group_name", "agent_email"] as const;
/** Custom statuses (6+) are open-like for triage; their exact id is not needed. */
const CUSTOM_STATUS = 6;

export async function readHint(
  redis: Redis,
  prefix: string,
  ticketId: number,
): Promise<Record<string, string> | undefined> {
  const raw = await redis.get(hintKey(prefix, ticketId));
  return raw ? (JSON.parse(raw) as Record<string, string>) : undefined;
}

export function snapshotFromHint(
  ticketId: number,
  hint: Record<string, string>,
  account: Pick<AccountSnapshot, "groups" | "agentIdsByEmail">,
  receivedAt: string,
): TicketSnapshot | undefined {
  if (REQUIRED.some((key) => hint[key] === undefined)) return undefined;
  if (hint.description === undefined && hint.description_text === undefined) return undefined;
  const priority = PRIORITIES[hint.priority!.trim().toLowerCase()];
  if (!priority) return undefined;

  const groupName = hint.group_name!.trim();
  const group = groupName ? account.groups.find((g) => g.name === groupName) : undefined;
  if (groupName && !group) return undefined;
  const agentEmail = hint.agent_email!.trim().toLowerCase();
  const agentId = agentEmail ? account.agentIdsByEmail.get(agentEmail) : undefined;
  if (agentEmail && agentId === undefined) return undefined;

  const companyName = hint.company_name?.trim() ?? "";
  const companyFields = fieldsWithPrefix(hint, "company_field_");
  // A company's VIP marker lives in its fields; without them the ticket must be read.
  if (companyName && Object.keys(companyFields).length === 0) return undefined;

  return {
    id: ticketId,
    subject: hint.subject!,
    descriptionText: hint.description_text ?? htmlToText(hint.description ?? ""),
    requesterEmail: hint.requester_email || undefined,
    requesterName: hint.requester_name || undefined,
    companyId: null,
    companyName: companyName || undefined,
    priority,
    groupId: group?.id ?? null,
    responderId: agentId ?? null,
    type: hint.type!.trim() || null,
    tags: hint
      .tags!.split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    status: STATUSES[hint.status!.trim().toLowerCase()] ?? CUSTOM_STATUS,
    source: 2,
    spam: false,
    deleted: false,
    createdAt: receivedAt,
    customFields: { ...fieldsWithPrefix(hint, "cf_", true), ...companyFields },
    customerMessages: [],
  };
}

function fieldsWithPrefix(
  hint: Record<string, string>,
  prefix: string,
  keepPrefix = false,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(hint)) {
    if (key.startsWith(prefix) && value !== "") fields[keepPrefix ? key : key.slice(prefix.length)] = value;
  }
  return fields;
}
