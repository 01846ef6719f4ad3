import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshserviceDirectory } from "../../src/freshservice/account-directory.ts";
import { createFreshserviceClient } from "../../src/freshservice/index.ts";
import type { Logger } from "../../src/logger.ts";
import { silentLogger } from "../../src/logger.ts";
import { loadFsNames } from "../../src/mcp/freshservice/shapes/names.ts";
import { type FsBackend, startFsBackend } from "../mcp/freshservice/support.ts";

let backend: FsBackend;

beforeAll(async () => {
  backend = await startFsBackend();
});
afterAll(async () => {
  await backend?.close();
});

const requests = () => backend.sandbox.stats().totalRequests;

describe("the Freshservice account directory", () => {
  it("loads groups, agents, departments and form fields once per period, shared by concurrent callers", async () => {
    let clock = 1_000_000;
    const directory = createFreshserviceDirectory(backend.freshservice, { ttlMs: 60_000, now: () => clock });
    const before = requests();
    const [groups, again] = await Promise.all([directory.groups(), directory.groups()]);
    expect(again).toBe(groups);
    expect(requests() - before).toBe(1);
    const [agents, departments, fields] = await Promise.all([
      directory.agents(),
      directory.departments(),
      directory.ticketFields(),
    ]);
    expect(groups.length).toBeGreaterThan(3);
    expect(departments.length).toBeGreaterThan(3);
    expect(fields.some((f) => f.field_type === "default_category")).toBe(true);
    // Agents are named, and their membership is the groups' own member lists.
    for (const group of groups) {
      for (const member of group.members ?? []) {
        const agent = agents.find((a) => a.id === member);
        expect(agent?.memberOf, `${group.name} member ${member}`).toContain(group.id);
        expect(agent?.name).toMatch(/\S/);
      }
    }
    const loaded = requests();
    await Promise.all([
      directory.groups(),
      directory.agents(),
      directory.departments(),
      directory.ticketFields(),
    ]);
    expect(requests()).toBe(loaded);

    clock += 60_001;
    await directory.departments();
    expect(requests()).toBe(loaded + 1);
    directory.invalidate();
    await directory.groups();
    expect(requests()).toBe(loaded + 2);
  });

  it("names every scale from the account's form, and falls back to the defaults when the account cannot be read", async () => {
    const names = await loadFsNames(createFreshserviceDirectory(backend.freshservice), silentLogger());
    const groups = await createFreshserviceDirectory(backend.freshservice).groups();
    expect(names.group(groups[0]!.id)).toBe(groups[0]!.name);
    expect([names.status(2), names.urgency(3), names.impact(1), names.priority(4)]).toEqual([
      "Open",
      "High",
      "Low",
      "Urgent",
    ]);

    const warnings: unknown[] = [];
    const logger = { ...silentLogger(), warn: (...args: unknown[]) => void warnings.push(args) } as Logger;
    const locked = createFreshserviceClient({
      baseUrl: backend.sandboxUrl,
      apiKey: "wrong-key",
      maxRetries: 0,
    });
    const fallback = await loadFsNames(createFreshserviceDirectory(locked), logger);
    expect([fallback.status(5), fallback.urgency(2), fallback.source(15)]).toEqual([
      "Closed",
      "Medium",
      "MS Teams",
    ]);
    expect(fallback.group(groups[0]!.id)).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});
