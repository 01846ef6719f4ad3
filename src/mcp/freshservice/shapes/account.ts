import { z } from "zod";
import { dropEmpty } from "../../output/clean.ts";
import type { FsNames } from "./names.ts";

/** Agent groups and departments: where tickets are routed and who they come from. */

type GroupLike = {
  id: number;
  name: string;
  description?: string | null;
  escalate_to?: number | null;
  unassigned_for?: string | null;
  business_hours_id?: number | null;
  auto_ticket_assign?: boolean | null;
  restricted?: boolean | null;
  approval_required?: boolean | null;
  members?: number[] | null;
  observers?: number[] | null;
  leaders?: number[] | null;
  workspace_id?: number | null;
};

const agentRef = z.object({ id: z.number(), name: z.string().optional() });

export const fsGroupOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  escalate_to: agentRef.optional().describe("agent notified when a ticket stays unassigned"),
  unassigned_for: z.string().optional().describe("how long before that escalation, e.g. 30m or 1d"),
  business_hours_id: z.number().optional(),
  auto_ticket_assign: z.boolean().optional(),
  restricted: z.boolean().optional(),
  approval_required: z.boolean().optional(),
  workspace_id: z.number().optional(),
  members: z.array(agentRef).optional(),
  observers: z.array(agentRef).optional(),
  leaders: z.array(agentRef).optional(),
});
export type FsGroupOutput = z.output<typeof fsGroupOutput>;

/** `withPeople` false leaves out members, observers and leaders (lists stay short). */
export function toFsGroupOutput(g: GroupLike, names: FsNames, withPeople: boolean): FsGroupOutput {
  const people = (ids: number[] | null | undefined) =>
    withPeople ? ids?.map((id) => ({ id, name: names.agent(id) })) : undefined;
  return dropEmpty({
    id: g.id,
    name: g.name,
    description: g.description ?? undefined,
    escalate_to: g.escalate_to ? { id: g.escalate_to, name: names.agent(g.escalate_to) } : undefined,
    unassigned_for: g.unassigned_for ?? undefined,
    business_hours_id: g.business_hours_id ?? undefined,
    auto_ticket_assign: g.auto_ticket_assign ?? undefined,
    restricted: g.restricted ?? undefined,
    approval_required: g.approval_required ?? undefined,
    workspace_id: g.workspace_id ?? undefined,
    members: people(g.members),
    observers: people(g.observers),
    leaders: people(g.leaders),
  });
}

export function renderFsGroupLine(g: FsGroupOutput): string {
  const members = g.members
    ? ` | ${g.members.length} member(s): ${g.members.map((m) => m.name ?? m.id).join(", ")}`
    : "";
  return `#${g.id} ${g.name}${g.description ? ` — ${g.description}` : ""}${members}`;
}

type DepartmentLike = {
  id: number;
  name: string;
  description?: string | null;
  head_user_id?: number | null;
  prime_user_id?: number | null;
  domains?: string[] | null;
  custom_fields?: Record<string, unknown> | null;
  workspace_id?: number | null;
  created_at?: string | null;
  updated_at?: string | null;
};

export const departmentOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  head_user_id: z.number().optional().describe("the department head (a requester or agent id)"),
  prime_user_id: z.number().optional().describe("the department's prime contact"),
  domains: z.array(z.string()).optional().describe("email domains whose requesters belong here"),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
  workspace_id: z.number().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type DepartmentOutput = z.output<typeof departmentOutput>;

export function toDepartmentOutput(d: DepartmentLike): DepartmentOutput {
  return dropEmpty({
    id: d.id,
    name: d.name,
    description: d.description ?? undefined,
    head_user_id: d.head_user_id ?? undefined,
    prime_user_id: d.prime_user_id ?? undefined,
    domains: d.domains ?? undefined,
    custom_fields: d.custom_fields ?? undefined,
    workspace_id: d.workspace_id ?? undefined,
    created_at: d.created_at ?? undefined,
    updated_at: d.updated_at ?? undefined,
  });
}

export function renderDepartmentLine(d: DepartmentOutput): string {
  return `#${d.id} ${d.name}${d.description ? ` — ${d.description}` : ""}${d.domains?.length ? ` (${d.domains.join(", ")})` : ""}`;
}
