import { describe, expect, it } from "vitest";
import { buildFreshserviceHistory, HISTORY_SIZE } from "../../src/freshservice-sandbox/seed/history.ts";
import {
  buildFreshserviceSeed,
  CATEGORY_TREE,
  DEPARTMENT_NAMES,
  type FsCategoryChoice,
  type FsFieldChoice,
  GROUP_NAMES,
  isCategoryPath,
  LAPTOP_DEMO_REQUESTER_INDEX,
} from "../../src/freshservice-sandbox/seed/index.ts";
import { ticketFeatures } from "../../src/learning/features.ts";
import { rankClasses, trainClassifier } from "../../src/learning/model.ts";

const NOW = Date.parse("2026-03-10T15:30:00Z");
const DAY_MS = 86_400_000;
const seed = buildFreshserviceSeed(NOW);
const history = buildFreshserviceHistory(NOW);

describe("Freshservice seed: the IT service desk", () => {
  it("is deterministic for the same clock", () => {
    expect(JSON.stringify(buildFreshserviceSeed(NOW).tickets)).toBe(JSON.stringify(seed.tickets));
    expect(JSON.stringify(buildFreshserviceSeed(NOW).assets)).toBe(JSON.stringify(seed.assets));
  });

  it("has the departments and agent groups an IT desk routes to, with consistent membership", () => {
    expect(seed.departments.map((d) => d.name)).toEqual([...DEPARTMENT_NAMES]);
    expect(seed.groups.map((g) => g.name)).toEqual([...GROUP_NAMES]);
    const agentIds = new Set(seed.agents.map((a) => a.id));
    for (const group of seed.groups) {
      expect(group.members.length).toBeGreaterThan(0);
      expect(group.leaders.length).toBeGreaterThan(0);
      for (const id of [...group.members, ...group.observers, ...group.leaders])
        expect(agentIds.has(id)).toBe(true);
      for (const id of group.members)
        expect(seed.agents.find((a) => a.id === id)?.member_of).toContain(group.id);
    }
    for (const agent of seed.agents) {
      expect(agent).not.toHaveProperty("group_ids");
      for (const id of agent.observer_of)
        expect(seed.groups.find((g) => g.id === id)?.observers).toContain(agent.id);
    }
    expect(agentIds.has(seed.currentAgentId)).toBe(true);
  });

  it("gives every requester a department and every asset an existing owner and a unique display_id", () => {
    const departmentIds = new Set(seed.departments.map((d) => d.id));
    const requesterIds = new Set(seed.requesters.map((r) => r.id));
    for (const requester of seed.requesters) {
      expect(requester.department_ids.length).toBe(1);
      expect(departmentIds.has(requester.department_ids[0] as number)).toBe(true);
    }
    expect(new Set(seed.requesters.map((r) => r.primary_email)).size).toBe(seed.requesters.length);
    expect(new Set(seed.assets.map((a) => a.display_id)).size).toBe(seed.assets.length);
    for (const asset of seed.assets)
      if (asset.user_id !== null) expect(requesterIds.has(asset.user_id)).toBe(true);
    for (const requester of seed.requesters) {
      expect(seed.assets.some((a) => a.user_id === requester.id && /\(LAP-\d{4}\)$/.test(a.name))).toBe(true);
    }
  });

  it("has about twenty open demo tickets, one a won't-boot laptop whose requester owns a laptop", () => {
    expect(seed.tickets.length).toBeGreaterThanOrEqual(20);
    for (const ticket of seed.tickets) {
      expect([2, 3]).toContain(ticket.status);
      expect(Date.parse(ticket.created_at)).toBeGreaterThan(NOW - DAY_MS);
    }
    const boot = seed.tickets.find((t) => /won't boot/i.test(t.subject));
    const owner = seed.requesters[LAPTOP_DEMO_REQUESTER_INDEX];
    expect(boot?.requester_id).toBe(owner?.id);
    expect(seed.assets.filter((a) => a.user_id === owner?.id).map((a) => a.name)).toContain(
      "MacBook Pro 14 (LAP-0042)",
    );
  });

  it("puts the 3-level category tree into default_category with {id,value} choices elsewhere", () => {
    const category = seed.ticketFormFields.find((f) => f.field_type === "default_category");
    const tree = (category?.choices ?? []) as FsCategoryChoice[];
    expect(tree.map((c) => c.value)).toEqual(Object.keys(CATEGORY_TREE));
    const hardware = tree.find((c) => c.value === "Hardware");
    const computer = hardware?.nested_options.find((c) => c.value === "Computer");
    expect(computer?.nested_options.map((c) => c.value)).toEqual(["Mac", "Windows Laptop", "Desktop"]);
    expect(category?.nested_fields.map((f) => [f.name, f.level])).toEqual([
      ["sub_category", 2],
      ["item_category", 3],
    ]);
    for (const field of seed.ticketFormFields.filter((f) => f.field_type !== "default_category")) {
      for (const choice of field.choices as FsFieldChoice[]) {
        expect(typeof choice.id).toBe("number");
        expect(typeof choice.value).toBe("string");
      }
    }
    const urgency = seed.ticketFormFields.find((f) => f.field_type === "default_urgency");
    expect(urgency?.choices).toEqual([
      { id: 1, value: "Low" },
      { id: 2, value: "Medium" },
      { id: 3, value: "High" },
    ]);
  });

  it("has published and draft articles, canned responses, catalog items, changes, problems, SLA and hours", () => {
    expect(seed.solutionArticles.some((a) => a.status === 2 && /won't boot/.test(a.title))).toBe(true);
    expect(seed.solutionArticles.some((a) => a.status === 1)).toBe(true);
    expect(seed.cannedResponses.length).toBeGreaterThan(3);
    expect(seed.serviceItems.map((i) => i.display_id)).toEqual(
      seed.serviceItems.map((_, index) => index + 1),
    );
    expect(seed.changes.length).toBeGreaterThan(0);
    expect(seed.problems.length).toBeGreaterThan(0);
    expect(seed.slaPolicies.filter((p) => p.is_default)).toHaveLength(1);
    expect(seed.businessHours[0]?.service_desk_hours.monday).toBeDefined();
  });
});

describe("Freshservice history: labelled resolved tickets to learn from", () => {
  it("has at least 1,000 resolved or closed tickets older than the 30-day list window, all labelled on valid paths", () => {
    expect(history.tickets).toHaveLength(HISTORY_SIZE);
    expect(HISTORY_SIZE).toBeGreaterThanOrEqual(1000);
    const groupIds = new Set(seed.groups.map((g) => g.id));
    const requesterIds = new Set([...seed.requesters, ...history.requesters].map((r) => r.id));
    const demoIds = new Set(seed.tickets.map((t) => t.id));
    for (const ticket of history.tickets) {
      expect([4, 5]).toContain(ticket.status);
      expect(Date.parse(ticket.created_at)).toBeLessThan(NOW - 30 * DAY_MS);
      expect(
        isCategoryPath({
          category: ticket.category as string,
          sub_category: ticket.sub_category,
          item_category: ticket.item_category,
        }),
      ).toBe(true);
      expect(groupIds.has(ticket.group_id as number)).toBe(true);
      expect(["Incident", "Service Request"]).toContain(ticket.type);
      expect([1, 2, 3]).toContain(ticket.urgency);
      expect([1, 2, 3]).toContain(ticket.impact);
      expect(requesterIds.has(ticket.requester_id)).toBe(true);
      expect(demoIds.has(ticket.id)).toBe(false);
    }
    expect(new Set(history.tickets.map((t) => t.subject)).size).toBeGreaterThan(150);
    expect(new Set(history.tickets.map((t) => t.description_text)).size).toBeGreaterThan(HISTORY_SIZE * 0.9);
  });

  it("is deterministic and about 10 % of tickets carry an inconsistent label", () => {
    expect(JSON.stringify(buildFreshserviceHistory(NOW).tickets)).toBe(JSON.stringify(history.tickets));
    const inconsistent =
      [...history.notes.values()].filter((note) => note.inconsistent).length / HISTORY_SIZE;
    expect(inconsistent).toBeGreaterThan(0.07);
    expect(inconsistent).toBeLessThan(0.13);
  });

  it("teaches a text classifier category, group and type well and urgency and impact better than the majority", () => {
    const vectors = history.tickets.map((t) =>
      ticketFeatures({ subject: t.subject, description: t.description_text }),
    );
    const fields = {
      category: (t: (typeof history.tickets)[number]) => String(t.category),
      group: (t: (typeof history.tickets)[number]) => String(t.group_id),
      type: (t: (typeof history.tickets)[number]) => t.type,
      urgency: (t: (typeof history.tickets)[number]) => String(t.urgency),
      impact: (t: (typeof history.tickets)[number]) => String(t.impact),
    };
    const accuracy: Record<string, { model: number; majority: number }> = {};
    for (const [name, label] of Object.entries(fields)) {
      const labels = history.tickets.map(label);
      const train = labels.map((_, i) => i).filter((i) => i % 5 !== 0);
      const test = labels.map((_, i) => i).filter((i) => i % 5 === 0);
      const model = trainClassifier(
        train.map((i) => vectors[i]!),
        train.map((i) => labels[i]!),
      );
      const right = test.filter(
        (i) => String(rankClasses(model, vectors[i]!)[0]?.value) === labels[i],
      ).length;
      const counts = new Map<string, number>();
      for (const i of train) counts.set(labels[i]!, (counts.get(labels[i]!) ?? 0) + 1);
      const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      accuracy[name] = {
        model: right / test.length,
        majority: test.filter((i) => labels[i] === majority).length / test.length,
      };
    }
    for (const name of ["category", "group", "type"]) expect(accuracy[name]?.model).toBeGreaterThan(0.9);
    for (const name of ["urgency", "impact"]) {
      expect(accuracy[name]!.model).toBeGreaterThan(accuracy[name]!.majority + 0.05);
    }
  });
});
