import { buildFreshserviceHistory } from "../../src/freshservice-sandbox/seed/history.ts";
import { GROUP_NAMES, groupId } from "../../src/freshservice-sandbox/seed/org.ts";
import type { LabelledTicket } from "../../src/learning/types.ts";
import { buildHistory } from "../../src/sandbox/seed/history.ts";
import { buildSeed } from "../../src/sandbox/seed/index.ts";

/** The Freshservice sandbox's labelled history as the history sync stores it (group by name). */
export function freshserviceExamples(now: number): LabelledTicket[] {
  const names = new Map(GROUP_NAMES.map((name) => [groupId(name), name]));
  return buildFreshserviceHistory(now).tickets.map((t) => ({
    id: t.id,
    subject: t.subject,
    description: t.description_text,
    labels: {
      category: t.category ?? undefined,
      sub_category: t.sub_category ?? undefined,
      item_category: t.item_category ?? undefined,
      type: t.type,
      urgency: t.urgency,
      impact: t.impact,
      priority: t.priority,
      group: t.group_id === null ? undefined : names.get(t.group_id),
    },
  }));
}

/** The Freshdesk sandbox's labelled history (no spam, nothing deleted). */
export function freshdeskExamples(now: number): LabelledTicket[] {
  const names = new Map(buildSeed(now).groups.map((g) => [g.id, g.name]));
  return buildHistory(now)
    .tickets.filter((t) => !t.spam && t.deleted !== true)
    .map((t) => ({
      id: t.id,
      subject: t.subject,
      description: t.description_text,
      labels: {
        group: t.group_id === null ? undefined : names.get(t.group_id),
        type: t.type ?? undefined,
        priority: t.priority as 1 | 2 | 3 | 4,
      },
    }));
}
