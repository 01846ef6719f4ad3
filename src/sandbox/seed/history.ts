import { createSeedClock, toFdTimestamp } from "./clock.ts";
import { buildGroups } from "./groups-agents.ts";
import {
  AMBIGUOUS_JOINS,
  CLOSINGS,
  DOMAINS,
  FIRST_NAMES,
  type GroupName,
  INTENTS,
  type Intent,
  LAST_NAMES,
  SLOTS,
  type TicketType,
} from "./history-intents.ts";
import { htmlToText, paragraphsToHtml } from "./html.ts";
import { EMAIL_CONFIG_ID } from "./ids.ts";
import { SLA_TARGETS } from "./sla.ts";
import { SUPPORT_EMAIL } from "./tickets.ts";
import type { FdContact, FdGroup, FdTicket } from "./types.ts";

/**
 * Months of resolved and closed tickets, labelled by the agents who handled them, for the
 * service to learn the account from. Deterministic: the same `now` gives the same history.
 *
 * Kept apart from the hand-written seed: the tickets take display ids from HISTORY_FIRST_ID on
 * (new tickets still get 22, 23, …), were created more than a month ago (so the default ticket
 * list, which shows the last month, never shows them) and are all resolved or closed; their
 * requesters are customers of their own.
 */
export const HISTORY_FIRST_ID = 100_001;
export const HISTORY_SIZE = { labelled: 1150, spam: 25, deleted: 15 } as const;
/** About this share of tickets carry a label another agent would have set differently. */
export const INCONSISTENT_SHARE = 0.1;
export const AMBIGUOUS_SHARE = 0.08;

const CONTACT_BASE_ID = 43_050_000_000;
const CONTACT_COUNT = 160;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The ticket field agents must fill before closing (cf_product_area), per intent. */
const PRODUCT_AREA: Record<string, string> = {
  "double-charge": "Billing & Plans",
  "invoice-copy": "Billing & Plans",
  "plan-change": "Billing & Plans",
  "payment-failed": "Billing & Plans",
  cancel: "Billing & Plans",
  login: "Login & Access",
  "two-factor": "Login & Access",
  integration: "API & Integrations",
  api: "API & Integrations",
  mobile: "Mobile App",
  outage: "Other",
  bug: "Scheduling",
  "data-missing": "Timesheets",
  feature: "Scheduling",
  feedback: "Other",
  "how-to": "Scheduling",
  "account-admin": "Other",
};
const GROUP_NAMES: GroupName[] = [
  "Technical Support",
  "Billing",
  "Engineering",
  "Product",
  "General Support",
];
const TYPES: TicketType[] = ["Question", "Incident", "Problem", "Feature Request"];

export type SeedHistory = {
  tickets: FdTicket[];
  contacts: FdContact[];
  /** What the generator did to each ticket, for tests and for honest figures. */
  notes: Map<number, { intent: string; ambiguous: boolean; inconsistent: boolean }>;
};

export function buildHistory(now: number): SeedHistory {
  const clock = createSeedClock(now);
  const random = mulberry32(20_240_611);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const groups = buildGroups(clock);
  const contacts = buildHistoryContacts(clock.nowMs, random);
  const tickets: FdTicket[] = [];
  const notes: SeedHistory["notes"] = new Map();
  const total = HISTORY_SIZE.labelled + HISTORY_SIZE.spam + HISTORY_SIZE.deleted;
  // Spam and deleted tickets sit at fixed strides among the others.
  const kindOf = (index: number) =>
    index % 47 === 11 && index < 47 * HISTORY_SIZE.spam
      ? "spam"
      : index % 79 === 31 && index < 79 * HISTORY_SIZE.deleted
        ? "deleted"
        : "labelled";

  for (let index = 0; index < total; index++) {
    const id = HISTORY_FIRST_ID + index;
    const requester = pick(contacts);
    // Created between 5 weeks and 6 months ago; handled within a few days.
    const createdMs = clock.nowMs - (35 + random() * 140) * DAY_MS - Math.floor(random() * 24) * HOUR_MS;
    const updatedMs = createdMs + (1 + Math.floor(random() * 120)) * HOUR_MS + index * 1000;
    const kind = kindOf(index);
    if (kind !== "labelled") {
      tickets.push(junkTicket(id, kind, requester, createdMs, updatedMs, pick));
      continue;
    }
    const intent = pickIntent(random);
    const ambiguous = random() < AMBIGUOUS_SHARE;
    const second = ambiguous ? pickOther(intent, random) : undefined;
    // One value per slot within a ticket, so its subject and body name the same things.
    const chosen = new Map<string, string>();
    const fill = (text: string) => fillSlots(text, requester, pick, chosen);
    let description = fill(pick(intent.bodies));
    if (second) description += `\n\n${pick(AMBIGUOUS_JOINS)} ${lowerFirst(fill(pick(second.bodies)))}`;
    let priority = weighted(intent.priorities, random);
    if (random() < 0.07) {
      description += `\n\n${pick(["This is urgent, please.", "We need this fixed today.", "Please treat as a priority."])}`;
      priority = Math.max(priority, 3) as 1 | 2 | 3 | 4;
    }
    const closing = pick(CLOSINGS);
    description += closing ? `\n\n${closing}\n${firstName(requester)}` : `\n\n${firstName(requester)}`;

    let group: GroupName | null = random() < 0.02 ? null : intent.group;
    let type: TicketType | null = random() < 0.04 ? null : intent.type;
    const inconsistent = random() < INCONSISTENT_SHARE;
    if (inconsistent) {
      const field = pick(["group", "type", "priority"] as const);
      if (field === "group") group = pick(GROUP_NAMES.filter((name) => name !== intent.group));
      else if (field === "type") type = pick(TYPES.filter((name) => name !== intent.type));
      else priority = (priority === 1 ? 2 : priority === 4 ? 3 : priority + pick([-1, 1])) as 1 | 2 | 3 | 4;
    }
    notes.set(id, { intent: intent.key, ambiguous, inconsistent });
    const groupRecord = group ? groups.find((candidate) => candidate.name === group) : undefined;
    tickets.push(
      ticket({
        id,
        subject: fill(pick(intent.subjects)),
        description,
        requester,
        source: pick([1, 1, 1, 2, 2, 7, 3] as const),
        status: random() < 0.4 ? 4 : 5,
        priority,
        type,
        group: groupRecord,
        responderId: groupRecord ? pickResponder(groupRecord, pick) : null,
        createdMs,
        updatedMs,
        tags: [...intent.tags],
        productArea: PRODUCT_AREA[intent.key] ?? "Other",
      }),
    );
  }
  return { tickets, contacts, notes };
}

type TicketInput = {
  id: number;
  subject: string;
  description: string;
  requester: FdContact;
  source: 1 | 2 | 3 | 7;
  status: 4 | 5;
  priority: 1 | 2 | 3 | 4;
  type: string | null;
  group: FdGroup | undefined;
  responderId: number | null;
  createdMs: number;
  updatedMs: number;
  tags: string[];
  productArea?: string;
  spam?: boolean;
};

function ticket(input: TicketInput): FdTicket {
  const sla = SLA_TARGETS[input.priority];
  const html = paragraphsToHtml(input.description);
  const isEmail = input.source === 1;
  return {
    cc_emails: [],
    fwd_emails: [],
    reply_cc_emails: [],
    ticket_cc_emails: [],
    fr_escalated: false,
    spam: input.spam === true,
    email_config_id: isEmail ? EMAIL_CONFIG_ID : null,
    group_id: input.group?.id ?? null,
    priority: input.priority,
    requester_id: input.requester.id,
    responder_id: input.responderId,
    source: input.source,
    company_id: null,
    status: input.status,
    subject: input.subject,
    association_type: null,
    to_emails: isEmail ? [SUPPORT_EMAIL] : null,
    product_id: null,
    id: input.id,
    type: input.type,
    due_by: toFdTimestamp(input.createdMs + sla.resolveWithin * 1000),
    fr_due_by: toFdTimestamp(input.createdMs + sla.respondWithin * 1000),
    is_escalated: false,
    description: html,
    description_text: htmlToText(html),
    custom_fields: { cf_product_area: input.productArea ?? null, cf_order_number: null },
    created_at: toFdTimestamp(input.createdMs),
    updated_at: toFdTimestamp(input.updatedMs),
    tags: input.tags,
    attachments: [],
    source_additional_info: null,
  };
}

const SPAM = [
  ["Boost your Google ranking in 7 days", "We are SEO experts. Reply for a free audit of your website."],
  ["Exclusive crypto opportunity", "Double your investment in two weeks. Limited places, act now."],
  ["Partnership proposal", "We sell verified email lists of HR managers. 50,000 contacts for $99."],
] as const;

function junkTicket(
  id: number,
  kind: "spam" | "deleted",
  requester: FdContact,
  createdMs: number,
  updatedMs: number,
  pick: <T>(items: readonly T[]) => T,
): FdTicket {
  const [subject, description] =
    kind === "spam"
      ? pick(SPAM)
      : pick([
          ["test", "test ticket please ignore"],
          ["asdf", "asdf asdf"],
        ] as const);
  const record = ticket({
    id,
    subject,
    description,
    requester,
    source: 1,
    status: 5,
    priority: 1,
    type: null,
    group: undefined,
    responderId: null,
    createdMs,
    updatedMs,
    tags: [],
    spam: kind === "spam",
  });
  if (kind === "deleted") record.deleted = true;
  return record;
}

function buildHistoryContacts(nowMs: number, random: () => number): FdContact[] {
  const contacts: FdContact[] = [];
  for (let index = 0; index < CONTACT_COUNT; index++) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length + index * 7) % LAST_NAMES.length]!;
    const domain = DOMAINS[index % DOMAINS.length]!;
    const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
    const email = `${local}${index}@${domain}`;
    const createdMs = nowMs - (200 + Math.floor(random() * 400)) * DAY_MS;
    contacts.push({
      active: true,
      address: null,
      company_id: null,
      view_all_tickets: false,
      description: null,
      email,
      id: CONTACT_BASE_ID + index * 13,
      job_title: null,
      language: "en",
      mobile: null,
      name: `${first} ${last}`,
      phone: null,
      time_zone: "UTC",
      twitter_id: null,
      custom_fields: {},
      tags: [],
      other_emails: [],
      facebook_id: null,
      created_at: toFdTimestamp(createdMs),
      updated_at: toFdTimestamp(createdMs + DAY_MS),
      csat_rating: null,
      preferred_source: null,
      avatar: null,
    });
  }
  return contacts;
}

function fillSlots(
  text: string,
  requester: FdContact,
  pick: <T>(items: readonly T[]) => T,
  chosen: Map<string, string>,
): string {
  return text.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const value = chosen.get(slot) ?? slotValue(slot, requester, pick);
    chosen.set(slot, value);
    return value;
  });
}

function slotValue(slot: string, requester: FdContact, pick: <T>(items: readonly T[]) => T): string {
  switch (slot) {
    case "first":
      return pick(FIRST_NAMES);
    case "email":
      return requester.email ?? "me";
    case "count":
      return String(pick([3, 4, 6, 8, 12, 15, 20, 35, 48]));
    case "invoice":
      return `INV-${20_000 + Math.floor(pick([0.13, 0.27, 0.41, 0.58, 0.66, 0.79, 0.92]) * 9000)}`;
    case "order":
      return `ORD-${pick(["A", "B", "C", "K"])}${pick([1042, 2290, 3117, 4876, 5530, 6021, 7784])}`;
    default: {
      const values = SLOTS[slot];
      if (!values) throw new Error(`history template uses an unknown slot {${slot}}`);
      return pick(values);
    }
  }
}

function pickIntent(random: () => number): Intent {
  const total = INTENTS.reduce((sum, intent) => sum + intent.weight, 0);
  let roll = random() * total;
  for (const intent of INTENTS) {
    roll -= intent.weight;
    if (roll < 0) return intent;
  }
  return INTENTS[INTENTS.length - 1]!;
}

function pickOther(intent: Intent, random: () => number): Intent {
  for (;;) {
    const other = pickIntent(random);
    if (other.group !== intent.group) return other;
  }
}

function pickResponder(group: FdGroup, pick: <T>(items: readonly T[]) => T): number | null {
  return group.agent_ids.length > 0 ? pick(group.agent_ids) : null;
}

function weighted<T>(choices: Array<[T, number]>, random: () => number): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

function firstName(contact: FdContact): string {
  return contact.name.split(" ")[0] ?? contact.name;
}

function lowerFirst(text: string): string {
  return /^I\b/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
