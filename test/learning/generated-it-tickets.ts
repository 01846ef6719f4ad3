import type { LabelledTicket } from "../../src/learning/types.ts";

/**
 * Freshservice-style labelled tickets with a learnable signal in every field: each item of the
 * three-level category tree has its own words, the group follows the top category, requests are
 * worded as requests, "everyone"/"whole floor" raise impact, "asap"/"blocked" raise urgency, and
 * priority follows impact × urgency. Filler words are shared by all. Deterministic for a seed.
 */
type Leaf = { path: [string, string, string]; words: string[] };

const LEAVES: Leaf[] = [
  { path: ["Hardware", "Computer", "Mac"], words: ["macbook", "macos", "retina", "trackpad"] },
  { path: ["Hardware", "Computer", "Windows Laptop"], words: ["thinkpad", "windows", "bitlocker", "dock"] },
  { path: ["Hardware", "Peripherals", "Printer"], words: ["printer", "toner", "paper", "jam"] },
  { path: ["Hardware", "Peripherals", "Monitor"], words: ["monitor", "hdmi", "display", "flicker"] },
  { path: ["Network", "Wi-Fi", "Office Wi-Fi"], words: ["wifi", "wireless", "ssid", "signal"] },
  { path: ["Network", "VPN", "Remote Access"], words: ["vpn", "tunnel", "globalprotect", "remote"] },
  { path: ["Software", "Email", "Outlook"], words: ["outlook", "mailbox", "calendar", "inbox"] },
  { path: ["Software", "Office", "Excel"], words: ["excel", "spreadsheet", "macro", "workbook"] },
  { path: ["Access", "Accounts", "Password Reset"], words: ["password", "locked", "reset", "expired"] },
  { path: ["Access", "Permissions", "Shared Drive"], words: ["permission", "folder", "share", "drive"] },
];
const GROUPS: Record<string, string> = {
  Hardware: "Hardware",
  Network: "Network",
  Software: "Applications",
  Access: "Access Management",
};
const REQUEST = ["could you please set up", "i would like to request", "we need a new", "please provide"];
const INCIDENT = ["stopped working", "is broken since this morning", "keeps failing", "gives an error"];
const FILLER = ["hello", "team", "thanks", "today", "again", "my", "the", "we", "help", "with", "issue"];
/** Freshservice's default priority matrix: impact × urgency → priority. */
const MATRIX: Record<string, 1 | 2 | 3 | 4> = {
  "1x1": 1,
  "1x2": 1,
  "1x3": 2,
  "2x1": 2,
  "2x2": 2,
  "2x3": 3,
  "3x1": 3,
  "3x2": 3,
  "3x3": 4,
};

export function generatedItTickets(count: number, seed = 11): LabelledTicket[] {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const leaf = LEAVES[i % LEAVES.length] as Leaf;
    const request = random() < 0.4;
    const impact = random() < 0.25 ? 3 : random() < 0.5 ? 2 : 1;
    const urgency = random() < 0.25 ? 3 : random() < 0.5 ? 2 : 1;
    const words = [
      ...Array.from({ length: 3 }, () => pick(leaf.words)),
      ...Array.from({ length: 5 }, () => pick(FILLER)),
      pick(request ? REQUEST : INCIDENT),
      ...(impact === 3
        ? ["affects everyone on the whole floor"]
        : impact === 2
          ? ["our team is affected"]
          : []),
      ...(urgency === 3 ? ["blocked, need it asap"] : urgency === 2 ? ["needed this week"] : []),
    ].sort(() => random() - 0.5);
    const [category, subCategory, item] = leaf.path;
    return {
      id: i + 1,
      subject: `${pick(leaf.words)} ${pick(FILLER)}`,
      description: words.join(" "),
      labels: {
        category,
        sub_category: subCategory,
        item_category: item,
        urgency,
        impact,
        priority: MATRIX[`${impact}x${urgency}`],
        group: GROUPS[category],
        type: request ? "Service Request" : "Incident",
      },
    };
  });
}

/** The same tickets with each field's labels shuffled among rows: no signal left. */
export function shuffledItLabels(tickets: readonly LabelledTicket[], seed = 5): LabelledTicket[] {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const columns = new Map<string, Array<string | number | undefined>>();
  for (const field of Object.keys(tickets[0]?.labels ?? {})) {
    const values = tickets.map((t) => t.labels[field]);
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [values[i], values[j]] = [values[j], values[i]];
    }
    columns.set(field, values);
  }
  return tickets.map((t, i) => ({
    ...t,
    labels: Object.fromEntries([...columns].map(([field, values]) => [field, values[i]])),
  }));
}
