// The workers' path: the official SDK client in-process (connectInProcessClient) over a
// Freshservice tool server, under a policy, with typed calls and typed errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "../../../src/errors.ts";
import { FreshdeskNotFoundError } from "../../../src/freshdesk/index.ts";
import { callFreshserviceTool } from "../../../src/mcp/freshservice/call-tool.ts";
import { connectInProcessClient } from "../../../src/mcp/in-process-client.ts";
import { type FsBackend, startFsBackend } from "./support.ts";

let backend: FsBackend;

beforeAll(async () => {
  backend = await startFsBackend();
});
afterAll(async () => {
  await backend?.close();
});

describe("the Freshservice tools in-process", () => {
  it("serves typed calls through the same policy, and throws the typed error a failure stands for", async () => {
    const client = await connectInProcessClient(backend.deps, {
      caller: "pipeline",
      scopes: ["read", "write"],
      tools: ["filter_tickets", "get_ticket", "list_departments"],
    });
    try {
      const open = await callFreshserviceTool(client, "filter_tickets", { query: "status:2" });
      expect(open.total).toBeGreaterThan(0);
      const ticket = await callFreshserviceTool(client, "get_ticket", {
        ticket_id: open.items[0]!.id,
        include: [],
      });
      expect(ticket.status_name).toBe("Open");
      if (ticket.department_id) {
        const { items } = await callFreshserviceTool(client, "list_departments", {});
        expect(items.find((d) => d.id === ticket.department_id)?.name).toBe(ticket.department_name);
      }
      await expect(
        callFreshserviceTool(client, "get_ticket", { ticket_id: 987654321 }),
      ).rejects.toBeInstanceOf(FreshdeskNotFoundError);
      await expect(
        callFreshserviceTool(client, "update_ticket", { ticket_id: open.items[0]!.id, urgency: 3 }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    } finally {
      await client.close();
    }
  });
});
