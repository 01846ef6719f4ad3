import { describe, expect, it } from "vitest";
import { contentHash } from "../../../src/triage/content-hash.ts";
import { parseTicketForm } from "../../../src/triage/freshservice/form-fields.ts";
import { renderFreshserviceNote } from "../../../src/triage/freshservice/note.ts";
import { type FsCurrent, planFreshserviceUpdate } from "../../../src/triage/freshservice/plan.ts";
import { parsePriorityMatrix } from "../../../src/triage/freshservice/priority-matrix.ts";
import { findTriageMarkers } from "../../../src/triage/note.ts";
import { FORM_FIELDS, GROUPS } from "./form-fixture.ts";

const form = parseTicketForm(FORM_FIELDS);
const current: FsCurrent = {
  category: null,
  subCategory: null,
  itemCategory: null,
  urgency: 1,
  impact: 1,
  priority: 1,
  groupId: null,
  type: "Incident",
  departmentId: 5,
};
const hash = contentHash({
  subject: "Laptop won't boot",
  descriptionText: "It stays black.",
  customerMessages: [],
});

function render(matrix = false) {
  const plan = planFreshserviceUpdate({
    current,
    form,
    groups: GROUPS,
    mode: "apply",
    matrix: matrix
      ? parsePriorityMatrix({
          low: { low: 1, medium: 1, high: 2 },
          medium: { low: 1, medium: 2, high: 3 },
          high: { low: 2, medium: 3, high: 4 },
        })
      : undefined,
    decisions: {
      category: { value: "Hardware", precision: 0.94, applied: true, reason: "calibrated" },
      sub_category: { value: "Computer", precision: 0.91, applied: true, reason: "calibrated" },
      item_category: { value: "Mac", precision: 0.71, applied: false, reason: "below_threshold" },
      urgency: { value: 3, precision: 0.9, applied: true, reason: "calibrated" },
      impact: { value: 2, precision: 0.92, applied: true, reason: "calibrated" },
      priority: { value: 3, precision: 0.88, applied: true, reason: "calibrated" },
      group: { value: "Hardware", precision: 0.93, applied: true, reason: "calibrated" },
      type: { value: "Incident", precision: 0.99, applied: true, reason: "calibrated" },
    },
  });
  return renderFreshserviceNote({
    jobId: "t42-abc",
    contentHash: hash,
    mode: "apply",
    plan,
    form,
    current,
    groups: new Map(GROUPS.map((g) => [g.id, g.name])),
    departments: new Map([[5, "Engineering"]]),
    requester: { name: "Ada <Lovelace>", email: "ada@example.com" },
    assets: [
      { displayId: 12, name: "MacBook Pro 14", assetTag: "LAP-0012", why: "the ticket mentions a laptop" },
    ],
    articles: [
      {
        id: 9,
        title: "When a Mac will not start",
        url: "https://acme.freshservice.com/support/solutions/articles/9",
        source: "local",
      },
    ],
    model: { version: 3, learnedFrom: 1153 },
  });
}

describe("the Freshservice triage note", () => {
  it("names the outcome, the requester's department, their asset, and each field's fate with its precision", () => {
    const html = render();
    expect(html).toContain(
      "<b>Triage:</b> Hardware › Computer · Incident · urgency High · impact Medium · priority High · group Hardware",
    );
    expect(html).toContain("Ada &lt;Lovelace&gt;, department Engineering");
    expect(html).toContain("MacBook Pro 14 (asset #12, tag LAP-0012): the ticket mentions a laptop");
    expect(html).toContain("category none → Hardware: applied (measured precision 94%)");
    expect(html).toContain(
      "item none → Mac: suggested, below the measured-precision target (measured precision 71%)",
    );
    expect(html).toContain("type Incident: already set (measured precision 99%)");
    expect(html).toContain("High, decided directly (learned from this account&#39;s tickets)");
    expect(html).toContain("learned model v3 (from 1,153 tickets) · mode apply");
  });

  it("carries the same marker as the Freshdesk note", () => {
    expect(findTriageMarkers([render()])).toEqual([{ jobId: "t42-abc", hash }]);
  });

  it("says where a matrix priority came from", () => {
    expect(render(true)).toContain(
      "<b>Priority:</b> High from impact Medium × urgency High in the account&#39;s priority matrix",
    );
  });

  it("names the requester's departments when the ticket has none and none was set", () => {
    const plan = planFreshserviceUpdate({
      current: { ...current, departmentId: null },
      form,
      groups: GROUPS,
      mode: "apply",
      decisions: {},
    });
    const html = renderFreshserviceNote({
      jobId: "j",
      contentHash: hash,
      mode: "apply",
      plan,
      form,
      current: { ...current, departmentId: null },
      groups: new Map(),
      departments: new Map(),
      requester: { name: "Ada", departments: ["Finance", "Sales"] },
      assets: [],
      articles: [],
      model: null,
    });
    expect(html).toContain("Ada, departments Finance, Sales (none set on the ticket)");
    expect(html).toContain("no model learned from this account yet");
  });
});
