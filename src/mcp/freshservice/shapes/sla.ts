import { z } from "zod";
import type { FsBusinessHours, FsSlaPolicy } from "../../../freshservice/index.ts";
import { dropEmpty } from "../../output/clean.ts";
import type { FsNames } from "./names.ts";

/**
 * SLA policies and business hours. Their wire shapes are [inferred]: the API index names the
 * endpoints (`/sla_policies`, `/business_hours`) without samples [reference §7].
 */

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
        business_hours: z.boolean().optional().describe("the clock runs in business hours only"),
        escalation_enabled: z.boolean().optional(),
      }),
    )
    .optional(),
  applies_to: z
    .object({
      groups: z.array(z.object({ id: z.number(), name: z.string().optional() })).optional(),
      departments: z.array(z.object({ id: z.number(), name: z.string().optional() })).optional(),
      ticket_types: z.array(z.string()).optional(),
      sources: z.array(z.number()).optional(),
    })
    .optional()
    .describe("the tickets the policy covers; absent means all"),
});
export type SlaPolicyOutput = z.output<typeof slaPolicyOutput>;

export function toSlaPolicyOutput(policy: FsSlaPolicy, names: FsNames): SlaPolicyOutput {
  const applicable = policy.applicable_to ?? {};
  const targets = (policy.sla_targets ?? [])
    .map((t) => ({
      priority: t.priority,
      priority_name: names.priority(t.priority),
      respond_within_hours: hours(t.respond_within),
      resolve_within_hours: hours(t.resolve_within),
      business_hours: t.business_hours ?? undefined,
      escalation_enabled: t.escalation_enabled ?? undefined,
    }))
    .sort((a, b) => b.priority - a.priority);
  return dropEmpty({
    id: policy.id,
    name: policy.name,
    description: policy.description ?? undefined,
    active: policy.active ?? undefined,
    is_default: policy.is_default ?? undefined,
    position: policy.position ?? undefined,
    targets,
    applies_to: {
      groups: applicable.group_ids?.map((id) => ({ id, name: names.group(id) })),
      departments: applicable.department_ids?.map((id) => ({ id, name: names.department(id) })),
      ticket_types: applicable.ticket_types ?? undefined,
      sources: applicable.sources ?? undefined,
    },
  });
}

export function renderSlaPolicy(p: SlaPolicyOutput): string {
  const head = `#${p.id} ${p.name}${p.is_default ? " (default)" : ""}${p.active === false ? " (inactive)" : ""}`;
  const scope = [
    p.applies_to?.groups?.length ? `groups ${p.applies_to.groups.map((g) => g.name ?? g.id).join(", ")}` : "",
    p.applies_to?.departments?.length
      ? `departments ${p.applies_to.departments.map((d) => d.name ?? d.id).join(", ")}`
      : "",
    p.applies_to?.ticket_types?.length ? `types ${p.applies_to.ticket_types.join(", ")}` : "",
  ].filter(Boolean);
  const lines = (p.targets ?? []).map(
    (t) =>
      `  ${t.priority_name ?? t.priority}: respond within ${t.respond_within_hours ?? "?"} h, resolve within ${t.resolve_within_hours ?? "?"} h${t.business_hours ? " (business hours)" : ""}`,
  );
  return [scope.length ? `${head} — for ${scope.join("; ")}` : head, ...lines].join("\n");
}

export const businessHoursOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  is_default: z.boolean().optional(),
  time_zone: z.string().optional(),
  hours: z.record(z.string(), z.string()).optional().describe("weekday → 'start–end'; missing days are off"),
  holidays: z.array(z.object({ date: z.string(), name: z.string().optional() })).optional(),
});
export type BusinessHoursOutput = z.output<typeof businessHoursOutput>;

export function toBusinessHoursOutput(entry: FsBusinessHours): BusinessHoursOutput {
  return dropEmpty({
    id: entry.id,
    name: entry.name,
    description: entry.description ?? undefined,
    is_default: entry.is_default ?? undefined,
    time_zone: entry.time_zone ?? undefined,
    hours: entry.service_desk_hours
      ? Object.fromEntries(
          Object.entries(entry.service_desk_hours).flatMap(([day, h]) =>
            h ? [[day, `${h.beginning_of_workday}–${h.end_of_workday}`]] : [],
          ),
        )
      : undefined,
    holidays: entry.list_of_holidays?.map((h) => ({
      date: h.holiday_date,
      name: h.holiday_name ?? undefined,
    })),
  });
}

export const renderBusinessHours = (b: BusinessHoursOutput) =>
  `#${b.id} ${b.name}${b.is_default ? " (default)" : ""} ${b.time_zone ?? ""}: ${Object.entries(b.hours ?? {})
    .map(([day, h]) => `${day} ${h}`)
    .join(", ")}${b.holidays?.length ? ` (${b.holidays.length} holidays)` : ""}`;
