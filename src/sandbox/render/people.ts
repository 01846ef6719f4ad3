// Contacts, companies, agents and groups on the wire (reference §8.1–§8.4), keys in order.
import type { FdAgent, FdCompany, FdContact, FdGroup, FdRole } from "../seed/types.ts";

type WireObject = Record<string, unknown>;

export function renderContact(c: FdContact): WireObject {
  const out: WireObject = {
    active: c.active,
    address: c.address,
    company_id: c.company_id,
    view_all_tickets: c.view_all_tickets,
    description: c.description,
    email: c.email,
    id: c.id,
    job_title: c.job_title,
    language: c.language,
    mobile: c.mobile,
    name: c.name,
    phone: c.phone,
    time_zone: c.time_zone,
    twitter_id: c.twitter_id,
    custom_fields: { ...c.custom_fields },
    tags: [...c.tags],
    other_emails: [...c.other_emails],
    facebook_id: c.facebook_id,
    created_at: c.created_at,
    updated_at: c.updated_at,
    csat_rating: c.csat_rating,
    preferred_source: c.preferred_source,
    avatar: c.avatar === null ? null : { ...c.avatar },
  };
  if (c.other_companies !== undefined) out.other_companies = [...c.other_companies];
  if (c.deleted) out.deleted = true;
  if (c.unique_external_id !== undefined) out.unique_external_id = c.unique_external_id;
  return out;
}

const ACCOUNT_MANAGEMENT_KEYS = ["health_score", "account_tier", "renewal_date", "industry"] as const;

export function renderCompany(c: FdCompany): WireObject {
  const out: WireObject = {
    id: c.id,
    name: c.name,
    description: c.description,
    note: c.note,
    domains: [...c.domains],
    custom_fields: { ...c.custom_fields },
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
  for (const key of ACCOUNT_MANAGEMENT_KEYS) if (c[key] !== undefined) out[key] = c[key];
  return out;
}

/** The list omits group_ids, role_ids and skill_ids (reference §8.3). */
export function renderAgent(a: FdAgent, variant: "show" | "list"): WireObject {
  const out: WireObject = {
    available: a.available,
    occasional: a.occasional,
    id: a.id,
    ticket_scope: a.ticket_scope,
    signature: a.signature,
  };
  if (variant === "show") {
    out.group_ids = [...a.group_ids];
    out.role_ids = [...a.role_ids];
    out.skill_ids = [...a.skill_ids];
  }
  out.created_at = a.created_at;
  out.updated_at = a.updated_at;
  out.last_active_at = a.last_active_at;
  out.available_since = a.available_since;
  out.type = a.type;
  out.contact = { ...a.contact };
  return out;
}

/** The list omits agent_ids (reference §8.4). */
export function renderGroup(g: FdGroup, variant: "show" | "list"): WireObject {
  const out: WireObject = {
    id: g.id,
    name: g.name,
    description: g.description,
    escalate_to: g.escalate_to,
    unassigned_for: g.unassigned_for,
    business_hour_id: g.business_hour_id,
  };
  if (variant === "show") out.agent_ids = [...g.agent_ids];
  if (g.auto_ticket_assign !== undefined) out.auto_ticket_assign = g.auto_ticket_assign;
  out.group_type = g.group_type;
  out.created_at = g.created_at;
  out.updated_at = g.updated_at;
  return out;
}

/** Keys in order (reference §8.5). */
export function renderRole(r: FdRole): WireObject {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    default: r.default,
    created_at: r.created_at,
    updated_at: r.updated_at,
    agent_type: r.agent_type,
  };
}
