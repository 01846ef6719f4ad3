import type { LabelledTicket } from "../../src/learning/types.ts";

/**
 * Labelled tickets with a learnable signal: each group has its own words, each type its own
 * phrasing, and "outage" tickets are urgent. Filler words are shared by all, so one ticket's
 * words do not give its group away for certain. Deterministic for a seed.
 */
const GROUPS: Record<string, string[]> = {
  Billing: ["invoice", "refund", "charged", "payment", "receipt", "subscription", "vat", "card"],
  Accounts: ["password", "login", "locked", "2fa", "reset", "username", "sso", "access"],
  Technical: ["error", "crash", "timeout", "slow", "sync", "api", "bug", "exception"],
  Shipping: ["parcel", "delivery", "courier", "tracking", "warehouse", "address", "package", "shipment"],
};
const TYPES: Record<string, string[]> = {
  Question: ["how do i", "can you tell me", "where is", "is it possible"],
  Incident: ["it stopped working", "this is broken", "failing since today", "we cannot continue"],
};
const FILLER = [
  "hello",
  "team",
  "please",
  "thanks",
  "today",
  "again",
  "our",
  "company",
  "the",
  "we",
  "need",
  "help",
  "with",
  "issue",
];

export function generatedTickets(count: number, seed = 42): LabelledTicket[] {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const groups = Object.keys(GROUPS);
  const types = Object.keys(TYPES);
  return Array.from({ length: count }, (_, i) => {
    const group = groups[i % groups.length] as string;
    const type = pick(types);
    const urgent = random() < 0.25;
    const words = [
      ...Array.from({ length: 3 }, () => pick(GROUPS[group] as string[])),
      ...Array.from({ length: 6 }, () => pick(FILLER)),
      pick(TYPES[type] as string[]),
      ...(urgent ? ["outage for everyone"] : []),
    ].sort(() => random() - 0.5);
    return {
      id: i + 1,
      subject: `${pick(GROUPS[group] as string[])} ${pick(FILLER)}`,
      description: words.join(" "),
      labels: { group, type, priority: urgent ? 4 : group === "Technical" ? 3 : 2 },
    };
  });
}

/** The same tickets with each field's labels shuffled among rows: no signal left. */
export function shuffledLabels(tickets: readonly LabelledTicket[], seed = 7): LabelledTicket[] {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
    return items;
  };
  const groups = shuffle(tickets.map((t) => t.labels.group));
  const types = shuffle(tickets.map((t) => t.labels.type));
  const priorities = shuffle(tickets.map((t) => t.labels.priority));
  return tickets.map((t, i) => ({
    ...t,
    labels: { group: groups[i], type: types[i], priority: priorities[i] },
  }));
}
