// Forward, watchers, merge, bulk update, time entries, satisfaction ratings and hard delete, over
// HTTP as a Freshdesk client sees them, and through the unmodified npm `freshdesk-api` client.
import Freshdesk from "freshdesk-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT, CONTACT, GROUP } from "../../src/sandbox/seed/ids.ts";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";
import { sandboxClient } from "./sandbox-client.ts";

type Ticket = {
  id: number;
  status: number;
  group_id: number | null;
  responder_id: number | null;
  cc_emails: string[];
};
type Conversation = { id: number; source: number; private: boolean; body_text: string; user_id: number };
const ACCESS_DENIED = { code: "access_denied", message: "You are not authorized to perform this action." };

let server: SandboxServer;
let call: ReturnType<typeof sandboxClient>;
let keys: Map<number, string>;
const as = (agentId: number) => sandboxClient({ ...server, apiKey: keys.get(agentId)! });

async function newTicket(subject: string, email = "merge.me@example.org"): Promise<Ticket> {
  const created = await call("POST", "/api/v2/tickets", {
    body: { email, subject, description: subject, group_id: GROUP.technicalSupport },
  });
  expect(created.status).toBe(201);
  return created.json as Ticket;
}

function promised<T>(invoke: (cb: (error: unknown, data: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => invoke((error, data) => (error ? reject(error) : resolve(data))));
}

beforeAll(async () => {
  server = await startSandboxServer();
  call = sandboxClient(server);
  const listed = (await call("GET", "/_sandbox/agents")).json as { id: number; api_key: string }[];
  keys = new Map(listed.map((a) => [a.id, a.api_key]));
});
afterAll(() => server.close());

describe("forward", () => {
  it("forwards a ticket as a private forward conversation by the acting agent", async () => {
    const forwarded = await as(AGENT.danielOkafor)("POST", "/api/v2/tickets/2/forward", {
      body: { body: "FYI, see below.", to_emails: ["vendor@partner.example"] },
    });
    expect(forwarded.status).toBe(201);
    expect(forwarded.headers.get("location")).toMatch(/\/api\/v2\/conversations\/\d+$/);
    expect(forwarded.json).toMatchObject({
      user_id: AGENT.danielOkafor,
      to_emails: ["vendor@partner.example"],
      from_email: "daniel.okafor@larkspur.example",
    });
    const id = (forwarded.json as { id: number }).id;
    const thread = (await call("GET", "/api/v2/tickets/2/conversations?per_page=100")).json as Conversation[];
    expect(thread.find((c) => c.id === id)).toMatchObject({ source: 8, private: true });
  });

  it("requires to_emails, in Freshdesk's validation shape", async () => {
    const refused = await call("POST", "/api/v2/tickets/2/forward", {
      body: { body: "x", to_emails: ["nope"] },
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      description: "Validation failed",
      errors: [{ field: "to_emails" }],
    });
    const missing = await call("POST", "/api/v2/tickets/2/forward", { body: { body: "x" } });
    expect(missing.json).toEqual({
      description: "Validation failed",
      errors: [{ field: "to_emails", message: "Mandatory attribute missing", code: "missing_field" }],
    });
  });
});

describe("watchers", () => {
  it("adds and removes the acting agent (or another) and lists them; filter=watching follows", async () => {
    const daniel = as(AGENT.danielOkafor);
    expect((await daniel("PUT", "/api/v2/tickets/12/watch")).status).toBe(204);
    expect(
      (await call("PUT", "/api/v2/tickets/12/watch", { body: { user_id: AGENT.priyaRaman } })).status,
    ).toBe(204);
    expect((await call("GET", "/api/v2/tickets/12/watchers")).json).toEqual({
      watcher_ids: [AGENT.danielOkafor, AGENT.priyaRaman],
    });
    const watching = (await daniel("GET", "/api/v2/tickets?filter=watching")).json as Ticket[];
    expect(watching.map((t) => t.id)).toEqual([12]);
    expect((await call("GET", "/api/v2/tickets?filter=watching")).json).toEqual([]);
    expect((await daniel("PUT", "/api/v2/tickets/12/unwatch")).status).toBe(204);
    expect((await call("GET", "/api/v2/tickets/12/watchers")).json).toEqual({
      watcher_ids: [AGENT.priyaRaman],
    });
    const bad = await call("PUT", "/api/v2/tickets/12/watch", { body: { user_id: CONTACT.aishaRahman } });
    expect(bad.status).toBe(400);
    expect((await as(AGENT.lucasMoreau)("PUT", "/api/v2/tickets/12/watch")).json).toEqual(ACCESS_DENIED);
  });
});

describe("merge", () => {
  it("closes the secondary tickets with a note in each and one in the primary", async () => {
    const primary = await newTicket("Cannot export", "first.requester@example.org");
    const duplicate = await newTicket("Export still broken", "second.requester@example.org");
    const merged = await call("PUT", "/api/v2/tickets/merge", {
      body: {
        primary_id: primary.id,
        ticket_ids: [duplicate.id],
        note_in_primary: { body: "Merged the follow-up.", private: true },
        convert_recepients_to_cc: true,
      },
    });
    expect(merged.status).toBe(204);
    expect(merged.text).toBe("");
    const closed = (await call("GET", `/api/v2/tickets/${duplicate.id}`)).json as Ticket;
    expect(closed.status).toBe(5);
    const secondaryThread = (await call("GET", `/api/v2/tickets/${duplicate.id}/conversations`))
      .json as Conversation[];
    expect(secondaryThread.at(-1)?.body_text).toBe(
      `This ticket is closed and merged into ticket #${primary.id}.`,
    );
    const primaryThread = (await call("GET", `/api/v2/tickets/${primary.id}/conversations`))
      .json as Conversation[];
    expect(primaryThread.at(-1)).toMatchObject({
      body_text: "Merged the follow-up.",
      private: true,
      source: 2,
    });
    const after = (await call("GET", `/api/v2/tickets/${primary.id}`)).json as Ticket;
    expect(after.cc_emails).toEqual(["second.requester@example.org"]);
  });

  it("refuses a bad merge with field errors, and a ticket outside the scope with 403", async () => {
    const one = await newTicket("One");
    const selfMerge = await call("PUT", "/api/v2/tickets/merge", {
      body: { primary_id: one.id, ticket_ids: [one.id] },
    });
    expect(selfMerge.status).toBe(400);
    expect(selfMerge.json).toMatchObject({ errors: [{ field: "ticket_ids", code: "invalid_value" }] });
    const unknown = await call("PUT", "/api/v2/tickets/merge", {
      body: { primary_id: one.id, ticket_ids: [99999] },
    });
    expect(unknown.status).toBe(400);
    const missing = await call("PUT", "/api/v2/tickets/merge", { body: { primary_id: one.id } });
    expect(missing.json).toMatchObject({ errors: [{ field: "ticket_ids", code: "missing_field" }] });
    const two = await newTicket("Two");
    const byTom = await as(AGENT.tomBecker)("PUT", "/api/v2/tickets/merge", {
      body: { primary_id: one.id, ticket_ids: [two.id] },
    });
    expect(byTom.status).toBe(403);
    expect(((await call("GET", `/api/v2/tickets/${two.id}`)).json as Ticket).status).toBe(2);
    const wrongVerb = await call("GET", "/api/v2/tickets/merge");
    expect(wrongVerb.status).toBe(405);
    expect(wrongVerb.headers.get("allow")).toBe("PUT");
  });
});

describe("bulk update", () => {
  it("answers 202 with a job that reports each ticket, with nested field errors", async () => {
    const a = await newTicket("Bulk A");
    const b = await newTicket("Bulk B");
    const started = await call("POST", "/api/v2/tickets/bulk_update", {
      body: { bulk_action: { ids: [a.id, b.id, 99999], properties: { priority: 3 } } },
    });
    expect(started.status).toBe(202);
    const { job_id, href } = started.json as { job_id: string; href: string };
    expect(href).toBe(`${server.baseUrl}/api/v2/jobs/${job_id}`);
    const job = (await call("GET", `/api/v2/jobs/${job_id}`)).json as Record<string, unknown>;
    expect(job).toMatchObject({
      id: job_id,
      status: "PARTIAL",
      succeeded: [a.id, b.id],
      failed: [{ id: 99999 }],
    });
    expect(((await call("GET", `/api/v2/tickets/${a.id}`)).json as { priority: number }).priority).toBe(3);

    const invalid = await call("POST", "/api/v2/tickets/bulk_update", {
      body: { bulk_action: { ids: [a.id], properties: { priority: 9 } } },
    });
    const failedJob = (await call("GET", `/api/v2/jobs/${(invalid.json as { job_id: string }).job_id}`)).json;
    expect(failedJob).toMatchObject({
      status: "FAILED",
      failed: [{ id: a.id, errors: [{ field: "priority", nested_field: "properties.priority" }] }],
    });
  });

  it("refuses more than 100 ids and a missing bulk_action before doing anything", async () => {
    const tooMany = await call("POST", "/api/v2/tickets/bulk_update", {
      body: {
        bulk_action: { ids: Array.from({ length: 101 }, (_, i) => i + 1), properties: { priority: 2 } },
      },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json).toMatchObject({
      errors: [{ field: "bulk_action", nested_field: "bulk_action.ids", code: "invalid_value" }],
    });
    const none = await call("POST", "/api/v2/tickets/bulk_update", { body: {} });
    expect(none.json).toMatchObject({ errors: [{ field: "bulk_action", code: "missing_field" }] });
    expect((await call("GET", "/api/v2/jobs/no-such-job")).status).toBe(404);
  });
});

describe("time entries", () => {
  it("logs time as the acting agent and lists it per ticket and for the account", async () => {
    const created = await as(AGENT.sofiaAlvarez)("POST", "/api/v2/tickets/1/time_entries", {
      body: { time_spent: "01:30", note: "Refund research", billable: false },
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json as object)).toEqual([
      "billable",
      "note",
      "id",
      "timer_running",
      "agent_id",
      "ticket_id",
      "company_id",
      "time_spent",
      "executed_at",
      "start_time",
      "created_at",
      "updated_at",
    ]);
    expect(created.json).toMatchObject({
      agent_id: AGENT.sofiaAlvarez,
      time_spent: "01:30",
      timer_running: false,
    });
    const id = (created.json as { id: number }).id;
    const listed = (await call("GET", "/api/v2/tickets/1/time_entries")).json as { id: number }[];
    expect(listed.map((e) => e.id)).toContain(id);
    const sofias = (await call("GET", `/api/v2/time_entries?agent_id=${AGENT.sofiaAlvarez}`)).json as {
      agent_id: number;
    }[];
    expect(sofias.length).toBeGreaterThan(0);
    for (const e of sofias) expect(e.agent_id).toBe(AGENT.sofiaAlvarez);
    const bad = await call("POST", "/api/v2/tickets/1/time_entries", { body: { time_spent: "90 min" } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ errors: [{ field: "time_spent", code: "invalid_value" }] });
  });

  it("works through the npm client", async () => {
    const client = new Freshdesk(server.baseUrl, server.apiKey);
    const entry = await promised<{ ticket_id: number; agent_id: number }>((cb) =>
      client.createTimeEntry(2, { time_spent: "00:20", note: "Call" }, cb),
    );
    expect(entry).toMatchObject({ ticket_id: 2, agent_id: AGENT.mayaChen });
    const listed = await promised<{ ticket_id: number }[]>((cb) => client.listAllTicketTimeEntries(2, cb));
    expect(listed.map((e) => e.ticket_id)).toContain(2);
  });
});

describe("satisfaction ratings", () => {
  it("reads a ticket's ratings and the account's, within the caller's scope", async () => {
    const all = (await call("GET", "/api/v2/surveys/satisfaction_ratings")).json as {
      ticket_id: number;
      ratings: { default_question: number };
    }[];
    expect(all.length).toBeGreaterThan(0);
    const rated = all[0]!;
    expect(Object.keys(rated)).toEqual([
      "id",
      "survey_id",
      "user_id",
      "agent_id",
      "feedback",
      "group_id",
      "ticket_id",
      "created_at",
      "updated_at",
      "ratings",
    ]);
    const ofTicket = (await call("GET", `/api/v2/tickets/${rated.ticket_id}/satisfaction_ratings`))
      .json as unknown[];
    expect(ofTicket).toContainEqual(rated);
    const lucas = (await as(AGENT.lucasMoreau)("GET", "/api/v2/surveys/satisfaction_ratings")).json as {
      agent_id: number;
    }[];
    expect(lucas.length).toBeGreaterThan(0);
    expect(lucas.length).toBeLessThan(all.length);
    for (const r of lucas) expect(r.agent_id).toBe(AGENT.lucasMoreau);
    expect((await call("GET", "/api/v2/surveys/satisfaction_ratings?created_since=yesterday")).status).toBe(
      400,
    );
  });
});

describe("contacts and companies", () => {
  it("hard-deletes a trashed contact, and a live one only with force=true", async () => {
    const contact = (
      await call("POST", "/api/v2/contacts", {
        body: { name: "Temp Person", email: "temp.person@example.org" },
      })
    ).json as { id: number };
    const refused = await call("DELETE", `/api/v2/contacts/${contact.id}/hard_delete`);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ errors: [{ field: "force" }] });
    expect((await call("DELETE", `/api/v2/contacts/${contact.id}/hard_delete?force=true`)).status).toBe(204);
    expect((await call("GET", `/api/v2/contacts/${contact.id}`)).status).toBe(404);
  });

  it("deletes a contact and a company through the npm client", async () => {
    const client = new Freshdesk(server.baseUrl, server.apiKey);
    const contact = await promised<{ id: number }>((cb) =>
      client.createContact({ name: "Npm Person", email: "npm.person@example.org" }, cb),
    );
    expect(await promised((cb) => client.deleteContact(contact.id, cb))).toBeNull();
    expect(
      ((await call("GET", `/api/v2/contacts/${contact.id}`)).json as { deleted?: boolean }).deleted,
    ).toBe(true);
    const company = await promised<{ id: number }>((cb) => client.createCompany({ name: "Gone Corp" }, cb));
    expect(await promised((cb) => client.deleteCompany(company.id, cb))).toBeNull();
    expect((await call("GET", `/api/v2/companies/${company.id}`)).status).toBe(404);
  });
});
