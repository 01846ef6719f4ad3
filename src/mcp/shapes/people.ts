import { z } from "zod";
import type { Agent, Company, Contact } from "../../freshdesk/index.ts";
import { clip, dropEmpty } from "../output/clean.ts";
import { htmlToText } from "../output/html-to-text.ts";

/** Contacts, companies and agents: who is on either side of a ticket. */

/** Writable contact fields, shared by create_contact and update_contact. */
export const contactFields = {
  email: z.email().optional(),
  phone: z.string().optional(),
  mobile: z.string().optional(),
  twitter_id: z.string().optional(),
  unique_external_id: z.string().optional(),
  company_id: z.number().int().positive().nullable().optional(),
  address: z.string().optional(),
  description: z.string().optional(),
  job_title: z.string().optional(),
  language: z.string().optional().describe("language code, e.g. en or de"),
  time_zone: z.string().optional(),
  tags: z.array(z.string()).optional(),
  other_emails: z.array(z.email()).optional(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
};

export const contactOutput = z.object({
  id: z.number(),
  name: z.string().optional(),
  email: z.string().optional(),
  other_emails: z.array(z.string()).optional(),
  phone: z.string().optional(),
  mobile: z.string().optional(),
  company_id: z.number().optional(),
  company_name: z.string().optional(),
  job_title: z.string().optional(),
  language: z.string().optional(),
  time_zone: z.string().optional(),
  address: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  active: z.boolean().optional(),
  deleted: z.literal(true).optional(),
  unique_external_id: z.string().optional(),
  twitter_id: z.string().optional(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ContactOutput = z.output<typeof contactOutput>;

export function toContactOutput(contact: Contact, companyName?: string): ContactOutput {
  return dropEmpty({
    id: contact.id,
    name: contact.name ?? undefined,
    email: contact.email ?? undefined,
    other_emails: contact.other_emails ?? undefined,
    phone: contact.phone ?? undefined,
    mobile: contact.mobile ?? undefined,
    company_id: contact.company_id ?? undefined,
    company_name: companyName,
    job_title: contact.job_title ?? undefined,
    language: contact.language ?? undefined,
    time_zone: contact.time_zone ?? undefined,
    address: contact.address ?? undefined,
    description: contact.description ? clip(htmlToText(contact.description), 1000) : undefined,
    tags: contact.tags ?? undefined,
    active: contact.active ?? undefined,
    deleted: contact.deleted ? (true as const) : undefined,
    unique_external_id: contact.unique_external_id ?? undefined,
    twitter_id: contact.twitter_id ?? undefined,
    custom_fields: contact.custom_fields ?? undefined,
    created_at: contact.created_at,
    updated_at: contact.updated_at,
  });
}

export const renderContactLine = (c: ContactOutput) =>
  `#${c.id} ${c.name ?? "(no name)"} <${c.email ?? c.phone ?? c.mobile ?? "no email"}>${c.company_id ? ` company ${c.company_name ?? c.company_id}` : ""}`;

/** Writable company fields, shared by create_company and update_company. */
export const companyFields = {
  description: z.string().optional(),
  note: z.string().optional(),
  domains: z.array(z.string()).optional(),
  health_score: z.string().optional(),
  account_tier: z.string().optional(),
  renewal_date: z.string().optional().describe("YYYY-MM-DD"),
  industry: z.string().optional(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
};

export const companyOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  note: z.string().optional(),
  domains: z.array(z.string()).optional(),
  health_score: z.string().optional(),
  account_tier: z.string().optional(),
  renewal_date: z.string().optional(),
  industry: z.string().optional(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type CompanyOutput = z.output<typeof companyOutput>;

export function toCompanyOutput(company: Company): CompanyOutput {
  return dropEmpty({
    id: company.id,
    name: company.name,
    description: company.description ? clip(htmlToText(company.description), 1000) : undefined,
    note: company.note ? clip(htmlToText(company.note), 1000) : undefined,
    domains: company.domains ?? undefined,
    health_score: company.health_score ?? undefined,
    account_tier: company.account_tier ?? undefined,
    renewal_date: company.renewal_date ?? undefined,
    industry: company.industry ?? undefined,
    custom_fields: company.custom_fields ?? undefined,
    created_at: company.created_at,
    updated_at: company.updated_at,
  });
}

export const renderCompanyLine = (c: CompanyOutput) =>
  `#${c.id} ${c.name}${c.domains?.length ? ` (${c.domains.join(", ")})` : ""}${c.account_tier ? ` tier ${c.account_tier}` : ""}`;

export const agentOutput = z.object({
  id: z.number(),
  name: z.string().optional(),
  email: z.string().optional(),
  job_title: z.string().optional(),
  available: z.boolean().optional().describe("takes tickets from round-robin assignment"),
  occasional: z.boolean().optional(),
  ticket_scope: z.string().optional(),
  type: z.string().optional(),
  group_ids: z.array(z.number()).optional(),
  group_names: z.array(z.string()).optional(),
  time_zone: z.string().optional(),
  language: z.string().optional(),
  last_active_at: z.string().optional(),
});
export type AgentOutput = z.output<typeof agentOutput>;

const TICKET_SCOPES: Readonly<Record<number, string>> = { 1: "global", 2: "group", 3: "restricted" };

export function toAgentOutput(
  agent: Agent,
  groupName: (id: number) => string | undefined,
  groupIds?: number[],
): AgentOutput {
  const ids = agent.group_ids ?? groupIds;
  return dropEmpty({
    id: agent.id,
    name: agent.contact.name ?? undefined,
    email: agent.contact.email ?? undefined,
    job_title: agent.contact.job_title ?? undefined,
    available: agent.available ?? undefined,
    occasional: agent.occasional ?? undefined,
    ticket_scope: agent.ticket_scope ? TICKET_SCOPES[agent.ticket_scope] : undefined,
    type: agent.type ?? undefined,
    group_ids: ids ?? undefined,
    group_names: ids?.map((id) => groupName(id) ?? String(id)),
    time_zone: agent.contact.time_zone ?? undefined,
    language: agent.contact.language ?? undefined,
    last_active_at: agent.last_active_at ?? undefined,
  });
}

export const renderAgentLine = (a: AgentOutput) =>
  `#${a.id} ${a.name ?? ""} <${a.email ?? ""}>${a.available === false ? " (not available)" : ""}${a.group_names?.length ? ` groups: ${a.group_names.join(", ")}` : ""}`;
