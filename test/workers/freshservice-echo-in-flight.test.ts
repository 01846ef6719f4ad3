import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshserviceDirectory } from "../../src/freshservice/account-directory.ts";
import { createFreshserviceClient } from "../../src/freshservice/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { createAuditLog } from "../../src/mcp/audit.ts";
import { connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { freshservicePipelinePolicy } from "../../workers/freshservice/pipeline-policy.ts";
import { createFreshservicePipelineTools, echoKey } from "../../workers/freshservice/pipeline-tools.ts";
import {
  type FreshserviceSandboxServer,
  startFreshserviceSandboxServer,
} from "../support/freshservice-sandbox-server.ts";
import { testRedis } from "../support/redis.ts";

/**
 * The Workflow Automator fires while Freshservice applies our update, so the echo can reach a
 * worker before the update's answer does. It must still be recognised from our copy, not by
 * reading the ticket again (a fourth credit). Here the update's answer is held back on its way
 * to the client until the echo was looked up.
 */
describe("the echo of an update still in flight", () => {
  const { redis, prefix, close: closeRedis } = testRedis();
  let sandbox: FreshserviceSandboxServer;
  let client: Client;
  let holdPut: { arrived: () => void; release: Promise<void> } | undefined;

  beforeAll(async () => {
    sandbox = await startFreshserviceSandboxServer({});
    const heldFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const held = holdPut;
      if (init?.method === "PUT" && held) {
        held.arrived();
        await held.release;
      }
      return response;
    };
    const freshservice = createFreshserviceClient({
      baseUrl: sandbox.baseUrl,
      apiKey: sandbox.apiKey,
      maxRetries: 0,
      fetch: heldFetch,
    });
    client = await connectInProcessClient(
      {
        freshservice,
        directory: createFreshserviceDirectory(freshservice),
        audit: createAuditLog({ redis, key: `${prefix}:audit`, maxLength: 100 }),
        logger: silentLogger(),
        cursorSecret: "fs-echo-test-cursor-secret-0123",
      },
      freshservicePipelinePolicy(),
    );
  });
  afterAll(async () => {
    await client?.close();
    await sandbox?.close();
    await closeRedis();
  });

  it("waits for the update's copy instead of finding nothing", async () => {
    const tools = createFreshservicePipelineTools(client, { redis, keyPrefix: prefix });
    const ticketId = 2503;
    let arrived!: () => void;
    const putArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let release!: () => void;
    holdPut = { arrived, release: new Promise<void>((resolve) => (release = resolve)) };

    const updating = tools.updateTicket(ticketId, { urgency: 2 });
    await putArrived;
    // Freshservice has applied the update (its automator fires now); our client has no answer yet.
    const echo = tools.takeEcho(ticketId);
    release();
    await updating;
    holdPut = undefined;
    expect(await echo).toMatchObject({ id: ticketId, fs: expect.objectContaining({ urgency: 2 }) });
    expect(await redis.get(echoKey(prefix, ticketId))).toBeNull();
  });

  it("leaves no mark behind when the update fails", async () => {
    const tools = createFreshservicePipelineTools(client, { redis, keyPrefix: prefix });
    await expect(tools.updateTicket(999_999, { urgency: 2 })).rejects.toThrow();
    expect(await redis.get(echoKey(prefix, 999_999))).toBeNull();
    expect(await tools.takeEcho(999_999)).toBeUndefined();
  });
});
