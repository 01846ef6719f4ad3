import { z } from "zod";
import type { BusinessHours, Group, SlaPolicy } from "../../freshdesk/index.ts";
import { dropEmpty } from "../output/clean.ts";
import type { Names } from "../output/names.ts";

/** Groups, SLA policies and business hours: how the helpdesk is organised. */

export const groupOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  escalate_to: z.number().optional(),
  escalate_to_name: z.string().optional(),
  unassigned_for: z.string().optional(),
  business_hour_id: z.number().optional(),
  group_type: z.string().optional(),
  auto_ticket_assign: z.boolean().optional(),
  agents: z.array(z.object({ id: z.number(), name: z.string().optional() })).optional(),
});
export type GroupOutput = z.output<typeof groupOutput>;

export function toGroupOutput(group: Group, names: Names): GroupOutput {
  return dropEmpty({
    id: group.id,
    name: group.name,
    description: group.description ?? undefined,
    escalate_to: group.escalate_to ?? undefined,
    escalate_to_name: names.agent(group.escalate_to),
    unassigned_for: group.unassigned_for ?? undefined,
    business_hour_id: group.business_hour_id ?? undefined,
    group_type: group.group_type ?? undefined,
    auto_ticket_assign:
      group.auto_ticket_assign === null || group.auto_ticket_assign === undefined
        ? undefined
        : Boolean(group.auto_ticket_assign),
    agents: group.agent_ids?.map((id) => ({ id, name: names.agent(id) })),
  });
}

export const renderGroupLine = (g: GroupOutput) =>
  `#${g.id} ${g.name}${g.description ? ` — ${g.description}` : ""}${g.agents ? ` (${g.agents.length} agents)` : ""}`;

const hours = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined ? undefined : Math.round((seconds / 3600) * 100) / 100;

export const slaPolicyOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  active: z.boolean().optional(),
  is_default: z.boolean().optional(),
  position: z.number().optional(),
  targets: z
    .array(
      z.object({
        priority: z.number(),
        priority_name: z.string().optional(),
        respond_within_hours: z.number().optional(),
        resolve_within_hours: z.number().optional(),
        next_respond_within_hours: z.number().optional(),
        business_hours: z.boolean().optional(),
        escalation_enabled: z.boolean().optional(),
      }),
    )
    .optional(),
  applicable_to: z.record(z.string(), z.unknown()).optional(),
});
export type SlaPolicyOutput = z.output<typeof slaPolicyOutput>;

export function toSlaPolicyOutput(policy: SlaPolicy, names: Names): SlaPolicyOutput {
  const targets = Object.entries(policy.sla_target ?? {})
    .map(([key, target]) => {
      const priority = Number(key.replace(/\D/g, ""));
      return {
        priority,
        priority_name: names.priority(priority),
        respond_within_hours: hours(target.respond_within),
        resolve_within_hours: hours(target.resolve_within),
        next_respond_within_hours: hours(target.next_respond_within),
        business_hours: target.business_hours ?? undefined,
        escalation_enabled: target.escalation_enabled ?? undefined,
      };
    })
    .filter((t) => Number.isInteger(t.priority))
    .sort((a, b) => b.priority - a.priority);
  return dropEmpty({
    id: policy.id,
    name: policy.name,
    description: policy.description ?? undefined,
    active: policy.active ?? undefined,
    is_default: policy.is_default ?? undefined,
    position: policy.position ?? undefined,
    targets,
    applicable_to: policy.applicable_to ?? undefined,
  });
}

export function renderSlaPolicy(p: SlaPolicyOutput): string {
  const head = `#${p.id} ${p.name}${p.is_default ? " (default)" : ""}${p.active === false ? " (inactive)" : ""}`;
  const lines = (p.targets ?? []).map(
    (t) =>
      `  ${t.priority_name ?? t.priority}: respond within ${t.respond_within_hours ?? "?"} h, resolve within ${t.resolve_within_hours ?? "?"} h${t.business_hours ? " (business hours)" : ""}`,
  );
  return [head, ...lines].join("\n");
}

export const businessHoursOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  is_default: z.boolean().optional(),
  time_zone: z.string().optional(),
  hours: z.record(z.string(), z.string()).optional().describe("weekday → 'start–end'"),
});
export type BusinessHoursOutput = z.output<typeof businessHoursOutput>;

export function toBusinessHoursOutput(entry: BusinessHours): BusinessHoursOutput {
  return dropEmpty({
    id: entry.id,
    name: entry.name,
    description: entry.description ?? undefined,
    is_default: entry.is_default ?? undefined,
    time_zone: entry.time_zone ?? undefined,
    hours: entry.business_hours
      ? Object.fromEntries(
          Object.entries(entry.business_hours).map(([day, h]) => [day, `${h.start_time}–${h.end_time}`]),
        )
      : undefined,
  });
}
