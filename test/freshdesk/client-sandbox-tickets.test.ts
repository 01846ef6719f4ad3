import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collectPages,
  createFreshdeskClient,
  FreshdeskAuthError,
  type FreshdeskClient,
  FreshdeskNotFoundError,
  FreshdeskRateLimitError,
  FreshdeskValidationError,
} from "../../src/freshdesk/index.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";

/** The client against the Freshdesk simulator over real HTTP: tickets, errors and limits. */
let server: SandboxServer;
let client: FreshdeskClient;

beforeAll(async () => {
  server = await startSandboxServer();
  client = createFreshdeskClient({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
});
afterAll(() => server.close());

describe("tickets", () => {
  it("lists over more than one page by following the Link header", async () => {
    const first = await client.tickets.list({ perPage: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextPage).toBe(2);
    const all = await collectPages((page) => client.tickets.list({ page, perPage: 2 }), { maxPages: 100 });
    expect(all.complete).toBe(true);
    expect(all.items.length).toBeGreaterThan(2);
    expect(new Set(all.items.map((t) => t.id)).size).toBe(all.items.length);
  });

  it("gets a ticket with its includes", async () => {
    const [listed] = (await client.tickets.list({ perPage: 1 })).items;
    const ticket = await client.tickets.get(listed!.id, { include: ["requester", "stats", "conversations"] });
    expect(ticket.id).toBe(listed!.id);
    expect(ticket.requester?.id).toBe(ticket.requester_id);
    expect(ticket.stats).toBeDefined();
    expect(Array.isArray(ticket.conversations)).toBe(true);
    expect(typeof ticket.description_text).toBe("string");
  });

  it("creates, updates, deletes and restores a ticket", async () => {
    const created = await client.tickets.create({
      subject: "Invoice shows the wrong VAT number",
      description: "<p>Our invoice lists an old VAT number.</p>",
      email: "finance@example.org",
      priority: 2,
      status: 2,
      tags: ["billing"],
    });
    expect(created).toMatchObject({ subject: "Invoice shows the wrong VAT number", priority: 2, status: 2 });

    const updated = await client.tickets.update(created.id, { priority: 3, tags: ["billing", "vat"] });
    expect(updated).toMatchObject({ id: created.id, priority: 3, tags: ["billing", "vat"] });

    await client.tickets.delete(created.id);
    expect((await client.tickets.get(created.id)).deleted).toBe(true);
    await client.tickets.restore(created.id);
    expect((await client.tickets.get(created.id)).deleted).toBeFalsy();
  });

  it("surfaces Freshdesk's field errors on a bad update", async () => {
    const [listed] = (await client.tickets.list({ perPage: 1 })).items;
    const error = await client.tickets
      .update(listed!.id, { status: "open" as unknown as number })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskValidationError);
    const validation = error as FreshdeskValidationError;
    expect(validation.status).toBe(400);
    expect(validation.fieldErrors[0]).toMatchObject({ field: "status", code: "datatype_mismatch" });
    expect(validation.message).toContain("status:");
  });

  it("reports a missing ticket as not found", async () => {
    await expect(client.tickets.get(987654)).rejects.toBeInstanceOf(FreshdeskNotFoundError);
  });
});

describe("access and limits", () => {
  it("maps a wrong API key to an auth error", async () => {
    const stranger = createFreshdeskClient({ baseUrl: server.baseUrl, apiKey: "wrong-key", maxRetries: 0 });
    const error = await stranger.tickets.get(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreshdeskAuthError);
    expect((error as FreshdeskAuthError).freshdeskCode).toBe("invalid_credentials");
  });

  it("maps the sandbox's 429 to a rate-limit error carrying Retry-After", async () => {
    const strict = await startSandboxServer({ plan: "2/60000" });
    try {
      const limited = createFreshdeskClient({
        baseUrl: strict.baseUrl,
        apiKey: strict.apiKey,
        maxRetries: 0,
      });
      await limited.tickets.get(1);
      await limited.tickets.get(1);
      const error = await limited.tickets.get(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FreshdeskRateLimitError);
      expect((error as FreshdeskRateLimitError).retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });
});
