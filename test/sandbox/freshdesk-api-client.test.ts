// The unmodified npm `freshdesk-api` package, over real HTTP, against the sandbox.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Freshdesk from "freshdesk-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxServer, startSandboxServer } from "../support/sandbox-server.ts";

type Callback = (error: unknown, data: unknown, extra: unknown) => void;
type Row = Record<string, unknown>;

/** The library is callback-style; this keeps `data` and `extra` together. */
function promised(invoke: (cb: Callback) => void): Promise<{ data: unknown; extra: unknown }> {
  return new Promise((resolve, reject) => {
    invoke((error, data, extra) => (error ? reject(error) : resolve({ data, extra })));
  });
}

async function data<T = Row>(invoke: (cb: Callback) => void): Promise<T> {
  return (await promised(invoke)).data as T;
}

async function failure(
  invoke: (cb: Callback) => void,
): Promise<InstanceType<typeof Freshdesk.FreshdeskError>> {
  const error = await promised(invoke).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Freshdesk.FreshdeskError);
  return error as InstanceType<typeof Freshdesk.FreshdeskError>;
}

let server: SandboxServer;
let client: Freshdesk;
let tmp: string;

beforeAll(async () => {
  server = await startSandboxServer();
  client = new Freshdesk(server.baseUrl, server.apiKey);
  tmp = mkdtempSync(join(tmpdir(), "sandbox-fd-client-"));
});
afterAll(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("npm freshdesk-api against the sandbox", () => {
  it("creates, reads, updates, annotates, searches and deletes a ticket", async () => {
    const created = await data((cb) =>
      client.createTicket(
        {
          email: "casey@example.com",
          name: "Casey Jones",
          subject: "Export to CSV times out",
          description: "<p>The export spins forever.</p>",
          priority: 2,
          status: 2,
          tags: ["export"],
        },
        cb,
      ),
    );
    const id = created.id as number;
    expect(created).toMatchObject({ subject: "Export to CSV times out", priority: 2, status: 2, source: 2 });

    const fetched = await data((cb) => client.getTicket(id, cb));
    expect(fetched.description_text).toBe("The export spins forever.");

    const updated = await data((cb) =>
      client.updateTicket(id, { priority: 4, tags: ["export", "urgent"] }, cb),
    );
    expect(updated).toMatchObject({ id, priority: 4, tags: ["export", "urgent"] });
    expect(Date.parse(updated.updated_at as string)).toBeGreaterThan(
      Date.parse(created.updated_at as string),
    );

    const note = await data((cb) =>
      client.createNote(id, { body: "Checked the export job logs.", private: true }, cb),
    );
    expect(note).toMatchObject({ ticket_id: id, private: true, body_text: "Checked the export job logs." });

    const conversations = await data<Row[]>((cb) => client.listAllConversations(id, cb));
    expect(conversations.map((c) => [c.id, c.source])).toEqual([[note.id, 2]]);

    const search = await data<{ results: Row[]; total: number }>((cb) =>
      client.filterTickets("priority:4 AND (status:2 OR status:3) AND tag:'urgent'", 1, cb),
    );
    expect(search.results.map((t) => t.id)).toContain(id);
    expect(search.results.every((t) => t.priority === 4)).toBe(true);

    expect(await data((cb) => client.deleteTicket(id, cb))).toBeNull();
    expect(await data((cb) => client.getTicket(id, cb))).toMatchObject({ id, deleted: true });
    expect(await data((cb) => client.restoreTicket(id, cb))).toBeNull();
  });

  it("creates a ticket with an attachment through multipart", async () => {
    const file = join(tmp, "screenshot.txt");
    writeFileSync(file, "pretend this is a screenshot");
    const created = await data((cb) =>
      client.createTicket(
        {
          email: "dana@example.com",
          subject: "See attached",
          description: "Attached",
          priority: 1,
          status: 2,
          attachments: [createReadStream(file)],
        },
        cb,
      ),
    );
    const attachments = created.attachments as Row[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ name: "screenshot.txt", size: 28 });
    const download = await fetch(attachments[0]?.attachment_url as string, {
      headers: { Authorization: `Basic ${btoa(`${server.apiKey}:X`)}` },
    });
    expect(await download.text()).toBe("pretend this is a screenshot");
  });

  it("searches solution articles and lists agents", async () => {
    const articles = await data<Row[]>((cb) => client.searchSolutionArticles("refund", cb));
    expect(articles.length).toBeGreaterThan(0);
    expect(articles[0]).toHaveProperty("folder_name");
    expect(articles[0]).toHaveProperty("category_name");

    const agents = await data<Row[]>((cb) => client.listAllAgents({}, cb));
    expect(agents.length).toBeGreaterThan(1);
    for (const agent of agents) expect(agent).not.toHaveProperty("group_ids");
    const me = await data((cb) => client.currentAgent(cb));
    expect(me).toHaveProperty("group_ids");
  });

  it("surfaces an unknown ticket as FreshdeskError 404", async () => {
    const error = await failure((cb) => client.getTicket(987654, cb));
    expect(error.status).toBe(404);
    expect(error.message).toBe("The requested entity was not found");
    expect(error.apiTarget).toBe("GET /api/v2/tickets/987654");
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("surfaces the sandbox's Freshdesk rules as FreshdeskError with Freshdesk's bodies", async () => {
    const { id } = await data<{ id: number }>((cb) =>
      client.createTicket({ email: "rules@example.com", subject: "Rules", description: "<p>x</p>" }, cb),
    );
    const closing = await failure((cb) => client.updateTicket(id, { status: 5 }, cb));
    expect(closing.status).toBe(400);
    expect(closing.data).toMatchObject({
      description: "Validation failed",
      errors: [{ field: "cf_product_area", code: "missing_field" }],
    });
    const unknownEmail = await failure((cb) => client.listAllTickets({ email: "nobody@example.com" }, cb));
    expect(unknownEmail.status).toBe(400);
    expect(unknownEmail.data).toMatchObject({ errors: [{ field: "email", code: "invalid_value" }] });
    await data((cb) => client.createCompany({ name: "Rules Inc", domains: ["rules.example"] }, cb));
    const duplicate = await failure((cb) =>
      client.createCompany({ name: "Rules Copy", domains: ["rules.example"] }, cb),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.data).toMatchObject({ errors: [{ field: "domains", code: "duplicate_value" }] });
    const pastDue = await failure((cb) =>
      client.updateTicket(id, { due_by: "2020-01-01T00:00:00Z", fr_due_by: "2019-12-31T00:00:00Z" }, cb),
    );
    expect(pastDue.status).toBe(400);
  });

  it("surfaces an invalid update as FreshdeskError 400 with Freshdesk's body", async () => {
    const error = await failure((cb) => client.updateTicket(1, { priority: "high" }, cb));
    expect(error.status).toBe(400);
    expect(error.message).toBe("Validation failed");
    expect(error.data).toEqual({
      description: "Validation failed",
      errors: [
        {
          field: "priority",
          message: "Value set is of type String.It should be one of these values: '1,2,3,4'",
          code: "datatype_mismatch",
        },
      ],
    });
  });
});
