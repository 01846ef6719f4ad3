// The people of the seeded IT service desk: departments, agent groups, agents and requesters.
import type { SeedClock } from "../../sandbox/seed/clock.ts";
import {
  AGENT_BASE,
  BUSINESS_HOURS_ID,
  DEPARTMENT_BASE,
  EMAIL_DOMAIN,
  GROUP_BASE,
  REQUESTER_BASE,
  WORKSPACE_ID,
} from "./ids.ts";
import { createRandom } from "./random.ts";
import type { FsAgent, FsDepartment, FsGroup, FsRequester } from "./types.ts";

export const DEPARTMENT_NAMES = [
  "Finance",
  "Sales",
  "Engineering",
  "HR",
  "Operations",
  "Marketing",
  "Legal",
  "Customer Success",
] as const;
export type DepartmentName = (typeof DEPARTMENT_NAMES)[number];

export const GROUP_NAMES = [
  "Service Desk",
  "Network",
  "Hardware",
  "Access Management",
  "Applications",
  "Security",
] as const;
export type GroupName = (typeof GROUP_NAMES)[number];

export const departmentId = (name: DepartmentName) => DEPARTMENT_BASE + 1 + DEPARTMENT_NAMES.indexOf(name);
export const groupId = (name: GroupName) => GROUP_BASE + 1 + GROUP_NAMES.indexOf(name);

const GROUP_DESCRIPTIONS: Record<GroupName, string> = {
  "Service Desk": "First line: takes every new ticket, password resets, how-to questions and routing.",
  Network: "Wi-Fi, VPN, wired network, DNS and firewall rules.",
  Hardware: "Laptops, desktops, monitors, docks, phones and printers: repairs, swaps and new kit.",
  "Access Management": "Accounts, permissions, shared drives, MFA, joiners and leavers.",
  Applications: "Business and productivity applications: Microsoft 365, Salesforce, SAP, Jira, Zoom.",
  Security: "Phishing, malware, lost devices and data-protection incidents.",
};

/** Agents: name, job title, groups they are members of, groups they lead. */
const AGENTS: { first: string; last: string; title: string; member: GroupName[]; leads?: GroupName[] }[] = [
  {
    first: "Alex",
    last: "Rivera",
    title: "IT Service Manager",
    member: ["Service Desk"],
    leads: ["Service Desk"],
  },
  { first: "Priya", last: "Natarajan", title: "Service Desk Analyst", member: ["Service Desk"] },
  { first: "Tom", last: "Becker", title: "Service Desk Analyst", member: ["Service Desk", "Hardware"] },
  { first: "Grace", last: "Okafor", title: "Network Engineer", member: ["Network"], leads: ["Network"] },
  { first: "Luis", last: "Moreno", title: "Network Administrator", member: ["Network"] },
  {
    first: "Hannah",
    last: "Schmidt",
    title: "Desktop Support Lead",
    member: ["Hardware"],
    leads: ["Hardware"],
  },
  { first: "Kenji", last: "Watanabe", title: "Desktop Support Technician", member: ["Hardware"] },
  {
    first: "Fatima",
    last: "Haddad",
    title: "Identity & Access Engineer",
    member: ["Access Management"],
    leads: ["Access Management"],
  },
  {
    first: "Oliver",
    last: "Grant",
    title: "Access Administrator",
    member: ["Access Management", "Service Desk"],
  },
  {
    first: "Mei",
    last: "Lin",
    title: "Application Support Lead",
    member: ["Applications"],
    leads: ["Applications"],
  },
  { first: "Daniel", last: "Kowalski", title: "Application Support Analyst", member: ["Applications"] },
  { first: "Sofia", last: "Rossi", title: "Security Analyst", member: ["Security"], leads: ["Security"] },
  { first: "Ben", last: "Adeyemi", title: "Security Engineer", member: ["Security", "Network"] },
];

/** The agent the sandbox API key belongs to: the service manager, an account admin. */
export const CURRENT_AGENT_ID = AGENT_BASE + 1;
export const agentIdByName = (first: string) =>
  AGENT_BASE + 1 + AGENTS.findIndex((agent) => agent.first === first);

export function buildDepartments(clock: SeedClock): FsDepartment[] {
  return DEPARTMENT_NAMES.map((name, index) => ({
    id: departmentId(name),
    name,
    description: `${name} department`,
    head_user_id: REQUESTER_BASE + 1 + index,
    prime_user_id: REQUESTER_BASE + 1 + index,
    domains: [],
    custom_fields: { cost_centre: `CC-${410 + index * 10}` },
    created_at: clock.ago({ days: 900 - index }),
    updated_at: clock.ago({ days: 120 - index }),
    workspace_id: WORKSPACE_ID,
  }));
}

export function buildGroups(clock: SeedClock): FsGroup[] {
  return GROUP_NAMES.map((name, index) => {
    const members = AGENTS.flatMap((agent, at) => (agent.member.includes(name) ? [AGENT_BASE + 1 + at] : []));
    const leaders = AGENTS.flatMap((agent, at) => (agent.leads?.includes(name) ? [AGENT_BASE + 1 + at] : []));
    return {
      id: groupId(name),
      name,
      description: GROUP_DESCRIPTIONS[name],
      escalate_to: name === "Service Desk" ? null : CURRENT_AGENT_ID,
      unassigned_for: name === "Security" ? "30m" : "2h",
      business_hours_id: BUSINESS_HOURS_ID,
      created_at: clock.ago({ days: 880 - index }),
      updated_at: clock.ago({ days: 60 - index }),
      auto_ticket_assign: name === "Service Desk",
      restricted: name === "Security",
      approval_required: false,
      members,
      // The service manager watches every other queue.
      observers: name === "Service Desk" ? [] : [CURRENT_AGENT_ID],
      leaders,
      members_pending_approval: [],
      leaders_pending_approval: [],
      observers_pending_approval: [],
      workspace_id: WORKSPACE_ID,
    };
  });
}

export function buildAgents(clock: SeedClock): FsAgent[] {
  return AGENTS.map((agent, index) => {
    const id = AGENT_BASE + 1 + index;
    const member = agent.member.map(groupId);
    const observer = index === 0 ? GROUP_NAMES.filter((name) => name !== "Service Desk").map(groupId) : [];
    return {
      id,
      first_name: agent.first,
      last_name: agent.last,
      occasional: false,
      active: true,
      job_title: agent.title,
      email: `${agent.first}.${agent.last}@${EMAIL_DOMAIN}`.toLowerCase(),
      work_phone_number: `+1 415 555 01${String(index + 10)}`,
      mobile_phone_number: null,
      department_ids: [departmentId("Operations")],
      can_see_all_tickets_from_associated_departments: false,
      reporting_manager_id: index === 0 ? null : CURRENT_AGENT_ID,
      address: null,
      time_zone: "Pacific Time (US & Canada)",
      time_format: "12h",
      language: "en",
      location_id: null,
      background_information: null,
      scoreboard_level_id: 1,
      member_of: member,
      observer_of: observer,
      member_of_pending_approval: [],
      observer_of_pending_approval: [],
      roles: [
        index === 0
          ? { role_id: 1, assignment_scope: "entire_helpdesk", groups: [] }
          : { role_id: 2, assignment_scope: "member_groups", groups: [] },
      ],
      last_login_at: clock.ago({ hours: 2 + index }),
      last_active_at: clock.ago({ minutes: 20 + index * 7 }),
      custom_fields: {},
      has_logged_in: true,
      created_at: clock.ago({ days: 870 - index * 11 }),
      updated_at: clock.ago({ days: 3 + index }),
    };
  });
}

export const FIRST_NAMES = [
  "Emma",
  "Liam",
  "Olivia",
  "Noah",
  "Ava",
  "Ethan",
  "Sophia",
  "Mason",
  "Isabella",
  "Lucas",
  "Mia",
  "Aiden",
  "Amelia",
  "James",
  "Harper",
  "Elijah",
  "Evelyn",
  "Logan",
  "Abigail",
  "Jacob",
  "Chloe",
  "Samuel",
  "Nora",
  "David",
  "Zoe",
  "Ryan",
  "Leah",
  "Nathan",
  "Aria",
  "Caleb",
  "Maya",
  "Owen",
  "Layla",
  "Isaac",
  "Ruby",
  "Arjun",
  "Yuki",
  "Omar",
  "Ingrid",
  "Tariq",
] as const;
export const LAST_NAMES = [
  "Johnson",
  "Patel",
  "Nguyen",
  "Garcia",
  "Smith",
  "Müller",
  "Kim",
  "Brown",
  "Silva",
  "Wilson",
  "Cohen",
  "Anderson",
  "Martin",
  "Ivanova",
  "Taylor",
  "Dubois",
  "Clark",
  "Sato",
  "Lopez",
  "Walker",
  "Hughes",
  "Novak",
  "Reyes",
  "Fischer",
  "Ahmed",
  "Olsen",
  "Baker",
  "Costa",
  "Murphy",
  "Shah",
] as const;

const JOB_TITLES: Record<DepartmentName, string[]> = {
  Finance: ["Accountant", "Financial Analyst", "Payroll Specialist", "Controller"],
  Sales: ["Account Executive", "Sales Manager", "Sales Development Rep", "Solutions Consultant"],
  Engineering: ["Software Engineer", "QA Engineer", "Engineering Manager", "Data Engineer"],
  HR: ["HR Business Partner", "Recruiter", "People Operations Specialist"],
  Operations: ["Operations Analyst", "Office Manager", "Facilities Coordinator", "Procurement Specialist"],
  Marketing: ["Marketing Manager", "Content Writer", "Designer", "Events Coordinator"],
  Legal: ["Legal Counsel", "Paralegal", "Compliance Officer"],
  "Customer Success": ["Customer Success Manager", "Support Specialist", "Onboarding Specialist"],
};

export const REQUESTER_COUNT = 48;

/**
 * Requesters of the seeded account. The first one of each department is its head. Ids are
 * `REQUESTER_BASE + 1 …`; the demo tickets and assets refer to them by index.
 */
export function buildRequesters(clock: SeedClock): FsRequester[] {
  const random = createRandom(7_301);
  const used = new Set<string>();
  const requesters: FsRequester[] = [];
  for (let index = 0; index < REQUESTER_COUNT; index++) {
    let first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
    let last = random.pick(LAST_NAMES);
    while (used.has(`${first} ${last}`)) {
      first = random.pick(FIRST_NAMES);
      last = random.pick(LAST_NAMES);
    }
    used.add(`${first} ${last}`);
    const department = DEPARTMENT_NAMES[index % DEPARTMENT_NAMES.length] as DepartmentName;
    requesters.push(
      requesterRecord(clock, {
        id: REQUESTER_BASE + 1 + index,
        first,
        last,
        department,
        title:
          index < DEPARTMENT_NAMES.length ? `Head of ${department}` : random.pick(JOB_TITLES[department]),
        manager:
          index < DEPARTMENT_NAMES.length ? null : REQUESTER_BASE + 1 + (index % DEPARTMENT_NAMES.length),
        createdDaysAgo: 800 - index * 9,
      }),
    );
  }
  return requesters;
}

export function requesterRecord(
  clock: SeedClock,
  input: {
    id: number;
    first: string;
    last: string;
    department: DepartmentName;
    title: string;
    manager: number | null;
    createdDaysAgo: number;
    active?: boolean;
  },
): FsRequester {
  const local = `${input.first}.${input.last}`
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z.]/g, "");
  return {
    id: input.id,
    is_agent: false,
    first_name: input.first,
    last_name: input.last,
    job_title: input.title,
    primary_email: `${local}@${EMAIL_DOMAIN}`,
    secondary_emails: [],
    work_phone_number: `+1 415 555 ${String(2000 + (input.id % 8000)).padStart(4, "0")}`,
    mobile_phone_number: null,
    department_ids: [departmentId(input.department)],
    can_see_all_tickets_from_associated_departments: false,
    reporting_manager_id: input.manager,
    address: null,
    time_zone: "Pacific Time (US & Canada)",
    time_format: "12h",
    language: "en",
    location_id: null,
    background_information: null,
    custom_fields: {},
    active: input.active ?? true,
    has_logged_in: true,
    external_id: null,
    created_at: clock.ago({ days: Math.max(input.createdDaysAgo, 40) }),
    updated_at: clock.ago({ days: Math.max(Math.floor(input.createdDaysAgo / 3), 35) }),
  };
}
