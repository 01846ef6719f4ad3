// Months of resolved and closed tickets, labelled by the agents who handled them, for the
// service to learn the account from: category › sub_category › item_category, urgency, impact,
// priority, group and type. Deterministic: the same `nowMs` gives the same history.
//
// Kept apart from the account seed: ids from HISTORY_FIRST_ID (below the open demo tickets, as
// older tickets are), created 35–200 days ago (outside the default 30-day ticket list) and all
// resolved (4) or closed (5). Requesters are the seeded staff plus former staff of their own.
import { createSeedClock } from "../../sandbox/seed/clock.ts";
import {
  CLOSINGS,
  IMPACT_CUES,
  INTENTS,
  type Intent,
  OPENERS,
  SLOT_VALUES,
  URGENCY_CUES,
  type Weights,
} from "./history-intents.ts";
import { HISTORY_FIRST_ID, HISTORY_REQUESTER_BASE } from "./ids.ts";
import {
  buildAgents,
  buildRequesters,
  DEPARTMENT_NAMES,
  type DepartmentName,
  FIRST_NAMES,
  GROUP_NAMES,
  type GroupName,
  groupId,
  LAST_NAMES,
  requesterRecord,
} from "./org.ts";
import { createRandom, type Random } from "./random.ts";
import { ticketRecord } from "./ticket-record.ts";
import type { FreshserviceHistory, FsLevel, FsPriority, FsRequester, FsTicket } from "./types.ts";

export const HISTORY_SIZE = 1200;
/** About this share of tickets carry a label another agent would have set differently. */
export const INCONSISTENT_SHARE = 0.1;
const FORMER_STAFF = 60;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Priority an agent derives from impact (rows) × urgency (columns), as a priority matrix would. */
export const PRIORITY_MATRIX: Record<FsLevel, Record<FsLevel, FsPriority>> = {
  1: { 1: 1, 2: 1, 3: 2 },
  2: { 1: 1, 2: 2, 3: 3 },
  3: { 1: 2, 2: 3, 3: 4 },
};

const RESOLUTIONS: Record<GroupName, readonly string[]> = {
  "Service Desk": [
    "Walked the user through the fix.",
    "Reset and confirmed with the user.",
    "Installed and verified.",
  ],
  Network: [
    "Restarted the access point; stable since.",
    "Re-pushed the VPN profile.",
    "Fixed DNS forwarder on the gateway.",
  ],
  Hardware: [
    "Replaced the device; data moved over.",
    "Re-imaged the laptop.",
    "Swapped the cable and dock firmware updated.",
  ],
  "Access Management": [
    "Access granted after approval.",
    "Account unlocked and stale credentials removed.",
    "Issued a temporary access pass and re-registered MFA.",
  ],
  Applications: [
    "Rebuilt the profile; syncing again.",
    "Cleared cache and reassigned licence.",
    "Applied vendor fix.",
  ],
  Security: [
    "Message purged from all mailboxes; credentials rotated.",
    "Device wiped remotely.",
    "Scanned and cleaned; no spread found.",
  ],
};

export function buildFreshserviceHistory(nowMs: number): FreshserviceHistory {
  const clock = createSeedClock(nowMs);
  const random = createRandom(20_251_125);
  const staff = buildRequesters(clock);
  const former = buildFormerStaff(clock, random);
  const people = [...staff, ...former];
  const agents = buildAgents(clock);
  const membersOf = (group: GroupName) =>
    agents.filter((agent) => agent.member_of.includes(groupId(group))).map((agent) => agent.id);
  const intentPairs = INTENTS.map((intent) => [intent, intent.weight] as const);
  const tickets: FsTicket[] = [];
  const notes: FreshserviceHistory["notes"] = new Map();

  for (let index = 0; index < HISTORY_SIZE; index++) {
    const id = HISTORY_FIRST_ID + index;
    const intent = random.weighted(intentPairs);
    const requester = random.pick(people);
    const slots = chooseSlots(random);
    let [category, subCategory, itemCategory]: [string, string | null, string | null] = [...intent.path];
    if (intent.itemByPlatform) itemCategory = platformItem(intent, slots.platform);
    if (intent.key === "phone") itemCategory = slots.phone === "Samsung phone" ? "Android" : "iPhone";
    const urgency = level(random, intent.urgency);
    const impact = level(random, intent.impact);
    let priority = PRIORITY_MATRIX[impact][urgency];
    // Agents nudge priority by feel now and then, matrix or not.
    if (random.chance(0.12)) priority = clampPriority(priority + random.pick([-1, 1]));

    const fill = (text: string) =>
      text.replace(/\{(\w+)\}/g, (_, name: string) => slots.values[name] ?? name);
    const parts: string[] = [];
    const opener = random.pick(OPENERS);
    if (opener) parts.push(opener);
    const sentences = [fill(random.pick(intent.bodies))];
    if (random.chance(0.8)) sentences.push(fill(random.pick(URGENCY_CUES[urgency])));
    if (random.chance(impact === 1 ? 0.3 : 0.85)) sentences.push(fill(random.pick(IMPACT_CUES[impact])));
    if (sentences.length === 3 && random.chance(0.5)) sentences.push(sentences.splice(1, 1)[0] as string);
    parts.push(sentences.join(" "));
    const closing = random.pick(CLOSINGS);
    parts.push(closing ? `${closing}\n${requester.first_name}` : requester.first_name);

    let group: GroupName = intent.group;
    let type: string = intent.type;
    let labels = { urgency, impact, priority };
    const inconsistent = random.chance(INCONSISTENT_SHARE);
    if (inconsistent) {
      const field = random.pick(["category", "group", "type", "urgency", "impact", "priority"] as const);
      if (field === "category") {
        const other = random.pick(INTENTS.filter((candidate) => candidate.path[1] !== intent.path[1]));
        [category, subCategory, itemCategory] = [...other.path];
      } else if (field === "group") group = random.pick(GROUP_NAMES.filter((name) => name !== group));
      else if (field === "type") type = type === "Incident" ? "Service Request" : "Incident";
      else if (field === "priority")
        labels = { ...labels, priority: clampPriority(priority + random.pick([-1, 1, 2])) };
      else labels = { ...labels, [field]: shiftLevel(labels[field], random) };
    }
    // Some agents stop at the second level.
    if (random.chance(0.03)) itemCategory = null;

    const createdMs = clock.nowMs - (35 + random.next() * 165) * DAY_MS - random.int(0, 23) * HOUR_MS;
    const resolvedMs = createdMs + random.int(1, 96) * HOUR_MS + index * 1000;
    const responder = random.chance(0.95) ? random.pick(membersOf(group)) : null;
    notes.set(id, { intent: intent.key, inconsistent });
    tickets.push(
      ticketRecord({
        id,
        subject: fill(random.pick(intent.subjects)),
        body: parts.join("\n\n"),
        requesterId: requester.id,
        departmentId: requester.department_ids[0] ?? null,
        createdMs,
        updatedMs: resolvedMs,
        status: random.chance(0.35) ? 4 : 5,
        priority: labels.priority,
        urgency: labels.urgency,
        impact: labels.impact,
        source: random.weighted([
          [1, 4],
          [2, 5],
          [3, 2],
          [4, 1],
          [9, 1],
          [15, 1],
        ] as const),
        type,
        groupId: groupId(group),
        responderId: responder,
        category,
        subCategory,
        itemCategory,
        resolutionNotes: random.pick(RESOLUTIONS[group]),
      }),
    );
  }
  return { tickets, requesters: former, notes };
}

type Slots = { platform: "mac" | "windows"; phone: string; values: Record<string, string> };

function chooseSlots(random: Random): Slots {
  const values: Record<string, string> = {};
  for (const [name, options] of Object.entries(SLOT_VALUES)) values[name] = random.pick(options);
  const platform = random.chance(0.5) ? "mac" : "windows";
  values.laptop = values[platform] as string;
  values.os = platform === "mac" ? "macOS" : "Windows";
  return { platform, phone: values.phone as string, values };
}

function platformItem(intent: Intent, platform: "mac" | "windows"): string {
  if (intent.path[1] === "Operating System") return platform === "mac" ? "macOS Update" : "Windows Update";
  return platform === "mac" ? "Mac" : "Windows Laptop";
}

function level(random: Random, weights: Weights): FsLevel {
  return random.weighted([
    [1, weights[0]],
    [2, weights[1]],
    [3, weights[2]],
  ] as const);
}

function shiftLevel(value: FsLevel, random: Random): FsLevel {
  if (value === 1) return 2;
  if (value === 3) return 2;
  return random.pick([1, 3] as const);
}

function clampPriority(value: number): FsPriority {
  return Math.min(4, Math.max(1, value)) as FsPriority;
}

/** People who raised tickets months ago; some have left (inactive). */
function buildFormerStaff(clock: ReturnType<typeof createSeedClock>, random: Random): FsRequester[] {
  const people: FsRequester[] = [];
  const used = new Set<string>();
  for (let index = 0; index < FORMER_STAFF; index++) {
    let first = random.pick(FIRST_NAMES) as string;
    let last = random.pick(LAST_NAMES) as string;
    while (used.has(`${first} ${last}`)) {
      first = random.pick(FIRST_NAMES);
      last = random.pick(LAST_NAMES);
    }
    used.add(`${first} ${last}`);
    const department = random.pick(DEPARTMENT_NAMES) as DepartmentName;
    const record = requesterRecord(clock, {
      id: HISTORY_REQUESTER_BASE + 1 + index,
      first,
      last,
      department,
      title: `${department} staff`,
      manager: null,
      createdDaysAgo: 300 + index * 5,
      active: index % 4 !== 0,
    });
    // Former staff got numbered mailboxes when their name was taken.
    record.primary_email = record.primary_email?.replace("@", `.${index + 1}@`) ?? null;
    people.push(record);
  }
  return people;
}
