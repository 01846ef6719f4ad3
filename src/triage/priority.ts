import type { Sentiment } from "./classification.ts";
import type { Taxonomy, TicketPriority, VipRule } from "./taxonomy.ts";
import { containsPhrase, normalizeText } from "./text.ts";

/**
 * Decides a ticket's priority from the classifier's suggestion plus rules that can only raise
 * it: urgent wording, a very negative tone, a VIP customer, an SLA deadline close at hand.
 *
 * Human decisions win. Freshdesk creates tickets at priority 1 (Low), so when the caller does
 * not know who set the current priority, anything above Low is assumed to be a person's choice.
 * A person's priority is never lowered; it is raised only when the rules find it higher.
 */

export const PRIORITY_LABELS: Record<TicketPriority, string> = {
  1: "Low",
  2: "Medium",
  3: "High",
  4: "Urgent",
};

/** A deadline this close (or already passed) makes the ticket at least High. */
export const DEFAULT_SLA_WINDOW_MINUTES = 120;

export type PriorityInput = {
  current: TicketPriority;
  /** Who set `current`; unknown means "a person, if it is above Low". */
  setByHuman?: boolean | undefined;
  suggestion: { value: TicketPriority; reason: string };
  /** The classifier's confidence, used as the confidence of its suggestion. */
  confidence: number;
  sentiment: Sentiment;
  /** The ticket text the urgent signals are looked for in. */
  text: string;
  companyId?: number | null | undefined;
  companyName?: string | undefined;
  customFields?: Record<string, unknown> | undefined;
  dueBy?: string | null | undefined;
  frDueBy?: string | null | undefined;
  rules: Pick<Taxonomy, "urgentSignals" | "vip">;
  /**
   * Apply the text rules (urgent wording, very negative tone) here; true by default. The worker
   * turns them off: its urgent-wording rule is measured on the account's history inside
   * `decideFields`, so `npm run eval` counts exactly what is applied.
   */
  textRules?: boolean | undefined;
  now: Date;
  slaWindowMinutes?: number;
};

export type PriorityDecision = {
  value: TicketPriority;
  reason: string;
  /** How sure the deciding rule is; compared with the priority threshold before applying. */
  confidence: number;
  /** True when a person's priority was kept over a lower suggestion. */
  keptHuman: boolean;
  /**
   * True when a rule (urgent wording, tone, VIP, SLA) set the value: it carries its own reason
   * and confidence. False when the value is the classifier's suggestion alone.
   */
  byRule: boolean;
};

type Floor = { value: TicketPriority; reason: string; confidence: number; rule: boolean };

export function decidePriority(input: PriorityInput): PriorityDecision {
  const floors: Floor[] = [
    {
      value: input.suggestion.value,
      reason: input.suggestion.reason,
      confidence: input.confidence,
      rule: false,
    },
  ];
  if (input.textRules !== false) {
    const text = normalizeText(input.text);
    const signal = input.rules.urgentSignals.find((phrase) => containsPhrase(text, phrase));
    if (signal) floors.push({ value: 4, reason: `mentions "${signal}"`, confidence: 0.95, rule: true });
    if (input.sentiment === "very_negative")
      floors.push({ value: 3, reason: "very negative tone", confidence: 0.8, rule: true });
  }
  const deadline = nearestDeadline(input, input.now);
  if (deadline) floors.push({ value: 3, reason: deadline, confidence: 0.95, rule: true });

  let best = pickHighest(floors);
  const vip = vipReason(input, input.rules.vip);
  if (vip) {
    const raised = Math.min(4, Math.max(2, best.value + 1)) as TicketPriority;
    best = {
      value: raised,
      reason: `${best.reason}; ${vip}`,
      confidence: Math.max(best.confidence, 0.9),
      rule: true,
    };
  }

  const setByHuman = input.setByHuman ?? input.current > 1;
  if (setByHuman && best.value <= input.current) {
    const why =
      best.value < input.current ? ` (triage suggested ${PRIORITY_LABELS[best.value]}: ${best.reason})` : "";
    return {
      value: input.current,
      reason: `kept ${PRIORITY_LABELS[input.current]}, set by a person${why}`,
      confidence: 1,
      keptHuman: true,
      byRule: false,
    };
  }
  return {
    value: best.value,
    reason: best.reason,
    confidence: round(best.confidence),
    keptHuman: false,
    byRule: best.rule,
  };
}

function pickHighest(floors: Floor[]): Floor {
  const top = Math.max(...floors.map((f) => f.value)) as TicketPriority;
  const deciding = floors.filter((f) => f.value === top);
  // A rule that agrees with the classifier decides: its reason and confidence are its own.
  const rules = deciding.filter((f) => f.rule);
  return {
    value: top,
    reason: deciding.map((f) => f.reason).join("; "),
    confidence: Math.max(...(rules.length > 0 ? rules : deciding).map((f) => f.confidence)),
    rule: rules.length > 0,
  };
}

function nearestDeadline(input: PriorityInput, now: Date): string | undefined {
  const windowMs = (input.slaWindowMinutes ?? DEFAULT_SLA_WINDOW_MINUTES) * 60_000;
  const deadlines = [
    { label: "first response", at: input.frDueBy },
    { label: "resolution", at: input.dueBy },
  ];
  for (const { label, at } of deadlines) {
    if (!at) continue;
    const due = Date.parse(at);
    if (Number.isNaN(due)) continue;
    const left = due - now.getTime();
    if (left < 0) return `${label} SLA already overdue`;
    if (left <= windowMs) return `${label} SLA due within ${Math.ceil(left / 60_000)} min`;
  }
  return undefined;
}

function vipReason(input: PriorityInput, vip: VipRule): string | undefined {
  if (input.companyId != null && vip.companyIds.includes(input.companyId)) return "VIP company";
  const name = input.companyName?.trim().toLowerCase();
  if (name && vip.companyNames.some((n) => n.trim().toLowerCase() === name)) return "VIP company";
  const field = vip.customField;
  if (field) {
    const value = input.customFields?.[field.name];
    const wanted = field.values.map((v) => v.toLowerCase());
    if (typeof value === "string" && wanted.includes(value.toLowerCase())) return `VIP (${field.name})`;
    if (value === true && wanted.includes("true")) return `VIP (${field.name})`;
  }
  return undefined;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
