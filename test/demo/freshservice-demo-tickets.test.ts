import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshserviceDemoTickets } from "../../src/demo/freshservice-demo-tickets.ts";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";

describe("the zero-config Freshservice demo tickets", () => {
  let sandbox: FreshserviceSandboxServer;
  beforeAll(async () => {
    sandbox = await startFreshserviceSandboxServer({});
  });
  afterAll(async () => sandbox?.close());

  it("are raised in the sandbox by seeded requesters, the MacBook one by its owner", async () => {
    const created = await createFreshserviceDemoTickets(`${sandbox.baseUrl}/api/v2`, sandbox.apiKey);
    expect(created).toHaveLength(5);
    const auth = `Basic ${Buffer.from(`${sandbox.apiKey}:X`).toString("base64")}`;
    const macbook = created.find((t) => t.subject.includes("MacBook"))!;
    const { ticket } = (await (
      await fetch(`${sandbox.baseUrl}/api/v2/tickets/${macbook.id}`, { headers: { Authorization: auth } })
    ).json()) as { ticket: { requester_id: number; department_id: number | null } };
    const assets = (await (
      await fetch(
        `${sandbox.baseUrl}/api/v2/assets?filter=${encodeURIComponent(`"user_id:${ticket.requester_id}"`)}`,
        {
          headers: { Authorization: auth },
        },
      )
    ).json()) as { assets: Array<{ name: string }> };
    expect(assets.assets.map((a) => a.name)).toContainEqual(expect.stringMatching(/MacBook/));
  });

  it("say what failed when the sandbox refuses them", async () => {
    await expect(createFreshserviceDemoTickets(`${sandbox.baseUrl}/api/v2`, "wrong-key")).rejects.toThrow(
      /Creating a demo ticket failed: 401/,
    );
  });
});
