import { z } from "zod";
import { dropEmpty } from "../../output/clean.ts";
import type { FsNames } from "./names.ts";

/** Requesters (the people tickets are raised by or for) and agents (who work them). */

type RequesterLike = {
  id: number;
  first_name?: string | null;
  last_name?: string | null;
  primary_email?: string | null;
  secondary_emails?: string[] | null;
  job_title?: string | null;
  work_phone_number?: string | null;
  mobile_phone_number?: string | null;
  department_ids?: number[] | null;
  reporting_manager_id?: number | null;
  location_id?: number | null;
  language?: string | null;
  time_zone?: string | null;
  active?: boolean | null;
  is_agent?: boolean | null;
  custom_fields?: Record<string, unknown> | null;
  created_at?: string | null;
  updated_at?: string | null;
};

/** Writable requester fields, shared by create_requester and update_requester. */
export const requesterFields = {
  last_name: z.string().max(255).optional(),
  primary_email: z.email().optional().describe("the requester's main email"),
  secondary_emails: z.array(z.email()).optional(),
  job_title: z.string().optional(),
  work_phone_number: z.string().optional(),
  mobile_phone_number: z.string().optional(),
  department_ids: z.array(z.number().int().positive()).optional().describe("from list_departments"),
  reporting_manager_id: z.number().int().positive().optional(),
  location_id: z.number().int().positive().optional(),
  language: z.string().optional().describe("language code, e.g. en or de"),
  time_zone: z.string().optional(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
};

const department = z.object({ id: z.number(), name: z.string().optional() });

export const requesterOutput = z.object({
  id: z.number(),
  name: z.string(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  primary_email: z.string().optional(),
  secondary_emails: z.array(z.string()).optional(),
  job_title: z.string().optional(),
  work_phone_number: z.string().optional(),
  mobile_phone_number: z.string().optional(),
  departments: z.array(department).optional().describe("department ids with their names"),
  reporting_manager_id: z.number().optional(),
  location_id: z.number().optional(),
  language: z.string().optional(),
  time_zone: z.string().optional(),
  active: z.boolean().optional(),
  is_agent: z.literal(true).optional(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type RequesterOutput = z.output<typeof requesterOutput>;

export function fullName(
  p: { id: number; first_name?: string | null; last_name?: string | null },
  email?: string | null,
) {
  return [p.first_name, p.last_name].filter(Boolean).join(" ") || email || `#${p.id}`;
}

export function toRequesterOutput(r: RequesterLike, names: FsNames): RequesterOutput {
  return dropEmpty({
    id: r.id,
    name: fullName(r, r.primary_email),
    first_name: r.first_name ?? undefined,
    last_name: r.last_name ?? undefined,
    primary_email: r.primary_email ?? undefined,
    secondary_emails: r.secondary_emails ?? undefined,
    job_title: r.job_title ?? undefined,
    work_phone_number: r.work_phone_number ?? undefined,
    mobile_phone_number: r.mobile_phone_number ?? undefined,
    departments: r.department_ids?.map((id) => ({ id, name: names.department(id) })),
    reporting_manager_id: r.reporting_manager_id ?? undefined,
    location_id: r.location_id ?? undefined,
    language: r.language ?? undefined,
    time_zone: r.time_zone ?? undefined,
    active: r.active ?? undefined,
    is_agent: r.is_agent ? (true as const) : undefined,
    custom_fields: r.custom_fields ?? undefined,
    created_at: r.created_at ?? undefined,
    updated_at: r.updated_at ?? undefined,
  });
}

export function renderRequesterLine(r: RequesterOutput): string {
  const depts = r.departments?.map((d) => d.name ?? d.id).join(", ");
  return [
    `#${r.id} ${r.name}`,
    r.primary_email ? `<${r.primary_email}>` : undefined,
    r.job_title,
    depts ? `department ${depts}` : undefined,
    r.active === false ? "inactive" : undefined,
  ]
    .filter(Boolean)
    .join(" | ");
}

type AgentLike = {
  id: number;
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  job_title?: string | null;
  active?: boolean | null;
  occasional?: boolean | null;
  work_phone_number?: string | null;
  mobile_phone_number?: string | null;
  department_ids?: number[] | null;
  member_of?: number[] | null;
  observer_of?: number[] | null;
  roles?: { role_id: number; assignment_scope?: string | null }[] | null;
  last_active_at?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
};

const group = z.object({ id: z.number(), name: z.string().optional() });

export const agentOutput = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().optional(),
  job_title: z.string().optional(),
  active: z.boolean().optional(),
  occasional: z.boolean().optional(),
  work_phone_number: z.string().optional(),
  mobile_phone_number: z.string().optional(),
  departments: z.array(department).optional(),
  member_of: z.array(group).optional().describe("agent groups the agent works in"),
  observer_of: z.array(group).optional().describe("agent groups the agent observes"),
  roles: z.array(z.object({ role_id: z.number(), assignment_scope: z.string().optional() })).optional(),
  last_active_at: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type AgentOutput = z.output<typeof agentOutput>;

export function toAgentOutput(a: AgentLike, names: FsNames): AgentOutput {
  return dropEmpty({
    id: a.id,
    name: fullName(a, a.email),
    email: a.email ?? undefined,
    job_title: a.job_title ?? undefined,
    active: a.active ?? undefined,
    occasional: a.occasional ?? undefined,
    work_phone_number: a.work_phone_number ?? undefined,
    mobile_phone_number: a.mobile_phone_number ?? undefined,
    departments: a.department_ids?.map((id) => ({ id, name: names.department(id) })),
    member_of: a.member_of?.map((id) => ({ id, name: names.group(id) })),
    observer_of: a.observer_of?.map((id) => ({ id, name: names.group(id) })),
    roles: a.roles?.map((r) => ({ role_id: r.role_id, assignment_scope: r.assignment_scope ?? undefined })),
    last_active_at: a.last_active_at ?? undefined,
    created_at: a.created_at ?? undefined,
    updated_at: a.updated_at ?? undefined,
  });
}

export function renderAgentLine(a: AgentOutput): string {
  const groups = a.member_of?.map((g) => g.name ?? g.id).join(", ");
  return [
    `#${a.id} ${a.name}`,
    a.email ? `<${a.email}>` : undefined,
    a.active === false ? "inactive" : undefined,
    a.occasional ? "occasional" : undefined,
    groups ? `groups ${groups}` : undefined,
  ]
    .filter(Boolean)
    .join(" | ");
}
