import { describe, expect, it } from "vitest";
import { PRIORITY_MATRIX } from "../../../src/freshservice-sandbox/seed/history.ts";
import { buildFreshserviceSeed } from "../../../src/freshservice-sandbox/seed/index.ts";
import { learn } from "../../../src/learning/learn.ts";
import { FRESHSERVICE_LEARNED_FIELDS } from "../../../src/learning/types.ts";
import { parseTicketForm } from "../../../src/triage/freshservice/form-fields.ts";
import { renderFreshserviceNote } from "../../../src/triage/freshservice/note.ts";
import { type FsCurrent, planFreshserviceUpdate } from "../../../src/triage/freshservice/plan.ts";
import { parsePriorityMatrix } from "../../../src/triage/freshservice/priority-matrix.ts";
import { decideFreshserviceFields } from "../../../workers/freshservice/decide.ts";
import { freshserviceExamples } from "../../learning/sandbox-histories.ts";

/**
 * What the Freshservice note says of each field agrees with the decision: nothing applied at a
 * measured precision under the target, nothing held back "below the measured-precision target" at
 * a precision above it, and a ticket with no real content ("hello") gets no category or group.
 * The zero-config set-up: the sandbox's form, groups, priority matrix and labelled history.
 */

const NOW = Date.parse("2026-11-25T12:00:00Z");
const TARGET = 0.9;
const seed = buildFreshserviceSeed(NOW);
const form = parseTicketForm(seed.ticketFormFields);
const groups = seed.groups.map((g) => ({ id: g.id, name: g.name }));
const examples = freshserviceExamples(NOW);
const model = learn(examples, { targetPrecision: TARGET, fields: FRESHSERVICE_LEARNED_FIELDS });
const matrix = parsePriorityMatrix({
  low: { low: PRIORITY_MATRIX[1][1], medium: PRIORITY_MATRIX[1][2], high: PRIORITY_MATRIX[1][3] },
  medium: { low: PRIORITY_MATRIX[2][1], medium: PRIORITY_MATRIX[2][2], high: PRIORITY_MATRIX[2][3] },
  high: { low: PRIORITY_MATRIX[3][1], medium: PRIORITY_MATRIX[3][2], high: PRIORITY_MATRIX[3][3] },
});
const NEW_TICKET: FsCurrent = {
  category: null,
  subCategory: null,
  itemCategory: null,
  urgency: 1,
  impact: 1,
  priority: 1,
  groupId: null,
  type: "Incident",
  departmentId: null,
};

function note(text: { subject: string; description: string }) {
  const decisions = decideFreshserviceFields(model, text, {
    targetPrecision: TARGET,
    applyUnmeasured: false,
    unmeasured: {},
  });
  const plan = planFreshserviceUpdate({
    current: NEW_TICKET,
    decisions,
    form,
    groups,
    matrix,
    mode: "apply",
  });
  const html = renderFreshserviceNote({
    jobId: "j1",
    contentHash: "0".repeat(64),
    mode: "apply",
    plan,
    form,
    current: NEW_TICKET,
    groups: new Map(groups.map((g) => [g.id, g.name])),
    departments: new Map(),
    assets: [],
    articles: [],
    model: { version: 1, learnedFrom: examples.length },
  });
  return { plan, html };
}

/** Lines of the note whose shown precision contradicts what it says became of the field. */
function contradictions(html: string): string[] {
  const lines = [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1] as string);
  return lines.filter((line) => {
    const shown = /measured precision (\d+)%/.exec(line);
    if (!shown) return false;
    const percent = Number(shown[1]);
    return (
      (/: applied \(/.test(line) && percent < TARGET * 100) ||
      (/below the measured-precision target/.test(line) && percent >= TARGET * 100)
    );
  });
}

describe("the Freshservice note's precision agrees with its decision", () => {
  it("applies no category, sub-category or group to a ticket with no real content, and says why", () => {
    const { plan, html } = note({ subject: "Python SDK check", description: "hello" });
    for (const field of ["category", "sub_category", "item_category", "group"] as const)
      expect(plan.applied, field).not.toContain(field);
    expect(plan.update).not.toHaveProperty("category");
    expect(plan.update).not.toHaveProperty("group_id");
    expect(html).toMatch(/category none → \w+: suggested, too little in the text to go on/);
    expect(contradictions(html)).toEqual([]);
  });

  it("shows no contradiction on the history's own tickets", () => {
    const found = examples.slice(0, 300).flatMap((e) => contradictions(note(e).html));
    expect(found).toEqual([]);
  });
});
