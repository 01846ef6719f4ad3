import type { SeedClock } from "./clock.ts";
import { AGENT, BUSINESS_HOURS_ID, GROUP, ROLE } from "./ids.ts";
import type { FdAgent, FdGroup } from "./types.ts";

type GroupSpec = {
  id: number;
  name: string;
  description: string;
  escalateTo: number | null;
  unassignedFor: string | null;
  roundRobin: boolean;
};

const GROUPS: GroupSpec[] = [
  {
    id: GROUP.technicalSupport,
    name: "Technical Support",
    description:
      "Sign-in problems, errors, integrations and anything that is not working as expected in the Larkspur app or API.",
    escalateTo: AGENT.mayaChen,
    unassignedFor: "30m",
    roundRobin: true,
  },
  {
    id: GROUP.billing,
    name: "Billing",
    description: "Invoices, refunds, failed or duplicate charges, plan changes and payment methods.",
    escalateTo: AGENT.sofiaAlvarez,
    unassignedFor: "1h",
    roundRobin: true,
  },
  {
    id: GROUP.engineering,
    name: "Engineering",
    description: "Confirmed bugs and incidents escalated by support; owns the status page during outages.",
    escalateTo: AGENT.priyaRaman,
    unassignedFor: "2h",
    roundRobin: false,
  },
  {
    id: GROUP.product,
    name: "Product",
    description: "Feature requests, product feedback and roadmap questions.",
    escalateTo: null,
    unassignedFor: null,
    roundRobin: false,
  },
  {
    id: GROUP.generalSupport,
    name: "General Support",
    description: "First line for how-to questions, general enquiries and anything not yet sorted.",
    escalateTo: AGENT.mayaChen,
    unassignedFor: "30m",
    roundRobin: true,
  },
];

type AgentSpec = {
  id: number;
  name: string;
  email: string;
  jobTitle: string;
  groupIds: number[];
  roleIds: number[];
  /** 1 Global (every ticket), 2 Group (its groups' tickets and its own), 3 Restricted (its own). */
  ticketScope: 1 | 2 | 3;
  available: boolean;
  timeZone: string;
  phone: string | null;
  /** How long ago the agent was last active. */
  lastActiveHoursAgo: number;
};

const AGENTS: AgentSpec[] = [
  {
    id: AGENT.mayaChen,
    name: "Maya Chen",
    email: "maya.chen@larkspur.example",
    jobTitle: "Support Team Lead",
    groupIds: [GROUP.technicalSupport, GROUP.generalSupport],
    roleIds: [ROLE.accountAdmin],
    ticketScope: 1,
    available: true,
    timeZone: "Pacific Time (US & Canada)",
    phone: "+1 415 555 0142",
    lastActiveHoursAgo: 0,
  },
  {
    id: AGENT.danielOkafor,
    name: "Daniel Okafor",
    email: "daniel.okafor@larkspur.example",
    jobTitle: "Senior Support Engineer",
    groupIds: [GROUP.technicalSupport, GROUP.engineering],
    roleIds: [ROLE.agent],
    ticketScope: 1,
    available: true,
    timeZone: "London",
    phone: null,
    lastActiveHoursAgo: 1,
  },
  {
    id: AGENT.sofiaAlvarez,
    name: "Sofia Alvarez",
    email: "sofia.alvarez@larkspur.example",
    jobTitle: "Billing Specialist",
    groupIds: [GROUP.billing, GROUP.generalSupport],
    roleIds: [ROLE.agent],
    ticketScope: 1,
    available: true,
    timeZone: "Eastern Time (US & Canada)",
    phone: null,
    lastActiveHoursAgo: 2,
  },
  {
    id: AGENT.tomBecker,
    name: "Tom Becker",
    email: "tom.becker@larkspur.example",
    jobTitle: "Billing Specialist",
    groupIds: [GROUP.billing],
    roleIds: [ROLE.agent],
    ticketScope: 2,
    available: false,
    timeZone: "Berlin",
    phone: null,
    lastActiveHoursAgo: 75,
  },
  {
    id: AGENT.priyaRaman,
    name: "Priya Raman",
    email: "priya.raman@larkspur.example",
    jobTitle: "Support Engineer",
    groupIds: [GROUP.engineering, GROUP.product],
    roleIds: [ROLE.supervisor],
    ticketScope: 1,
    available: true,
    timeZone: "Chennai",
    phone: null,
    lastActiveHoursAgo: 5,
  },
  {
    id: AGENT.lucasMoreau,
    name: "Lucas Moreau",
    email: "lucas.moreau@larkspur.example",
    jobTitle: "Product Specialist",
    groupIds: [GROUP.product, GROUP.generalSupport],
    roleIds: [ROLE.agent],
    ticketScope: 3,
    available: false,
    timeZone: "Paris",
    phone: null,
    lastActiveHoursAgo: 30,
  },
];

/** The agent the sandbox API key belongs to. */
export const CURRENT_AGENT_ID = AGENT.mayaChen;

export function buildGroups(clock: SeedClock): FdGroup[] {
  return GROUPS.map((group, index) => ({
    id: group.id,
    name: group.name,
    description: group.description,
    escalate_to: group.escalateTo,
    unassigned_for: group.unassignedFor,
    business_hour_id: BUSINESS_HOURS_ID,
    // Membership is declared once, on the agents, so the two sides cannot disagree.
    agent_ids: AGENTS.filter((agent) => agent.groupIds.includes(group.id)).map((agent) => agent.id),
    group_type: "support_agent_group",
    created_at: clock.ago({ days: 410, hours: index }),
    updated_at: clock.ago({ days: 60 - index * 7, hours: 3 }),
    ...(group.roundRobin ? { auto_ticket_assign: true } : {}),
  }));
}

export function buildAgents(clock: SeedClock): FdAgent[] {
  return AGENTS.map((agent, index) => {
    const createdAt = clock.ago({ days: 400 - index * 35 });
    const lastActive = clock.ago({ hours: agent.lastActiveHoursAgo, minutes: 4 + index * 7 });
    return {
      available: agent.available,
      occasional: false,
      id: agent.id,
      ticket_scope: agent.ticketScope,
      signature: `<div>Best regards,<br>${agent.name}<br>${agent.jobTitle}, Larkspur Support</div>`,
      group_ids: [...agent.groupIds],
      role_ids: [...agent.roleIds],
      skill_ids: [],
      created_at: createdAt,
      updated_at: clock.ago({ days: 12 + index, hours: 6 }),
      last_active_at: lastActive,
      available_since: agent.available ? clock.ago({ hours: 9 + index, minutes: 12 }) : null,
      type: "support_agent",
      contact: {
        active: true,
        email: agent.email,
        job_title: agent.jobTitle,
        language: "en",
        last_login_at: lastActive,
        mobile: null,
        name: agent.name,
        phone: agent.phone,
        time_zone: agent.timeZone,
        created_at: createdAt,
        updated_at: clock.ago({ days: 12 + index, hours: 6 }),
      },
    };
  });
}
