// A catalog request is a new ticket like any other: the Workflow Automator's "Ticket is raised"
// web request fires for it with the numeric id (reference §3, §12).
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterEach, expect, it } from "vitest";
import { buildFreshserviceSeed } from "../../src/freshservice-sandbox/seed/index.ts";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { wireClient } from "./wire-client.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it("fires the 'Ticket is raised' web request for a placed service request", async () => {
  const received: { body: unknown; token: string | undefined }[] = [];
  const receiver = new Hono();
  receiver.post("/hook", async (c) => {
    received.push({ body: await c.req.json(), token: c.req.header("x-webhook-token") });
    return c.body(null, 204);
  });
  const http = serve({ fetch: receiver.fetch, port: 0, hostname: "127.0.0.1" });
  await once(http, "listening");
  cleanups.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  const { port } = http.address() as AddressInfo;

  const server: FreshserviceSandboxServer = await startFreshserviceSandboxServer({
    automations: {
      targetUrl: `http://127.0.0.1:${port}/hook`,
      auth: { type: "header", name: "X-Webhook-Token", value: "s3cret" },
      events: ["created"],
    },
  });
  cleanups.push(() => server.close());
  const requester = buildFreshserviceSeed(Date.now()).requesters[7];
  const placed = await wireClient(server)("POST", "/service_catalog/items/2/place_request", {
    body: { email: requester?.primary_email },
  });
  expect(placed.status).toBe(201);
  await server.sandbox.automations.idle();
  expect(received).toEqual([{ body: { ticket_id: placed.json.service_request.id }, token: "s3cret" }]);
});
