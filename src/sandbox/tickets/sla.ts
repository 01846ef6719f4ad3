// Which SLA policy governs a ticket and the due dates it sets. Targets are applied in calendar
// time: the sandbox does not pause the clock outside business hours.
import type { FdSlaPolicy, FdTicket } from "../seed/types.ts";
import type { SandboxStore } from "../store.ts";
import { wireTime } from "../wire-time.ts";

type SlaSubject = Pick<FdTicket, "group_id" | "company_id" | "source" | "type">;

function applies(policy: FdSlaPolicy, ticket: SlaSubject): boolean {
  const to = policy.applicable_to;
  const checks: boolean[] = [];
  if (to.group_ids) checks.push(ticket.group_id !== null && to.group_ids.includes(ticket.group_id));
  if (to.company_ids) checks.push(ticket.company_id !== null && to.company_ids.includes(ticket.company_id));
  if (to.sources) checks.push(to.sources.includes(ticket.source));
  if (to.ticket_types) checks.push(ticket.type !== null && to.ticket_types.includes(ticket.type));
  return checks.length > 0 && checks.every(Boolean);
}

export function slaPolicyFor(store: SandboxStore, ticket: SlaSubject): FdSlaPolicy | undefined {
  const active = store.slaPolicies.filter((policy) => policy.active);
  const specific = active
    .filter((policy) => !policy.is_default && applies(policy, ticket))
    .sort((a, b) => a.position - b.position)[0];
  return specific ?? active.find((policy) => policy.is_default);
}

/** `fr_due_by` from the response target, `due_by` from the resolution target. */
export function dueDates(
  policy: FdSlaPolicy | undefined,
  priority: number,
  fromMs: number,
): { due_by: string; fr_due_by: string } {
  const targets = policy?.sla_target;
  const target = targets && (targets[`priority_${priority}` as keyof typeof targets] ?? targets.priority_1);
  const respond = target?.respond_within ?? 24 * 3600;
  const resolve = target?.resolve_within ?? 72 * 3600;
  return { fr_due_by: wireTime(fromMs + respond * 1000), due_by: wireTime(fromMs + resolve * 1000) };
}
