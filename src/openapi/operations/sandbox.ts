import type { Product } from "../../product.ts";
import type { Paths, Response, SecurityRequirement, Tag } from "../types.ts";
import { anyOf } from "./common.ts";

export const sandboxTag: Tag = {
  name: "Sandbox",
  description: [
    "An embedded simulator of the Freshdesk v2 REST API, served under `/sandbox` only when no real Freshdesk is",
    "configured (no `FRESHDESK_DOMAIN`). Everything under `/sandbox/api/v2/` follows Freshdesk's own API reference",
    "— tickets, conversations, contacts, companies, agents, groups, ticket fields, solutions, canned responses,",
    "SLA policies, business hours and search — with Freshdesk's paths, bodies, error bodies, pagination and",
    "rate-limit headers, so Freshdesk's documentation applies. Only a few representative operations are listed here.",
  ].join(" "),
};

const security: SecurityRequirement[] = anyOf("sandboxBasic");

/** The sandbox answers in Freshdesk's own shapes, which Freshdesk's reference documents. */
const freshdeskJson = (description: string): Response => ({
  description,
  content: { "application/json": { schema: {} } },
});
const idParameter = {
  name: "id",
  in: "path" as const,
  required: true,
  schema: { type: "integer", minimum: 1 },
};
const freshdeskErrors = {
  "401": freshdeskJson("Wrong or missing API key (Freshdesk's error body)."),
  "429": freshdeskJson("The plan's per-minute limit is spent; see `Retry-After`."),
};

export const sandboxPaths: Paths = {
  "/sandbox/api/v2/tickets": {
    get: {
      operationId: "sandboxListTickets",
      tags: ["Sandbox"],
      summary: "List tickets (Freshdesk v2)",
      security,
      responses: {
        "200": freshdeskJson("A page of tickets; `Link` names the next page."),
        ...freshdeskErrors,
      },
    },
    post: {
      operationId: "sandboxCreateTicket",
      tags: ["Sandbox"],
      summary: "Create a ticket (Freshdesk v2); fires the sandbox's automation webhook",
      security,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: { type: "object" },
            example: {
              subject: "Invoice shows the wrong VAT number",
              description: "Our invoice for March has last year's VAT number on it.",
              email: "dana@example.com",
              priority: 1,
              status: 2,
            },
          },
        },
      },
      responses: {
        "201": freshdeskJson("The created ticket."),
        "400": freshdeskJson("Validation failed (Freshdesk's `errors` list)."),
        ...freshdeskErrors,
      },
    },
  },
  "/sandbox/api/v2/tickets/{id}": {
    get: {
      operationId: "sandboxGetTicket",
      tags: ["Sandbox"],
      summary: "View a ticket (Freshdesk v2)",
      security,
      parameters: [idParameter],
      responses: {
        "200": freshdeskJson("The ticket."),
        "404": { description: "No such ticket." },
        ...freshdeskErrors,
      },
    },
    put: {
      operationId: "sandboxUpdateTicket",
      tags: ["Sandbox"],
      summary: "Update a ticket (Freshdesk v2)",
      security,
      parameters: [idParameter],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { type: "object" }, example: { priority: 3 } } },
      },
      responses: {
        "200": freshdeskJson("The updated ticket."),
        "404": { description: "No such ticket." },
        ...freshdeskErrors,
      },
    },
  },
  "/sandbox/_sandbox/stats": {
    get: {
      operationId: "sandboxStats",
      tags: ["Sandbox"],
      summary: "Request counters per endpoint (sandbox only)",
      security,
      responses: { "200": freshdeskJson("Counters.") },
    },
  },
  "/sandbox/_sandbox/agents": {
    get: {
      operationId: "sandboxAgents",
      tags: ["Sandbox"],
      summary: "Every seeded agent with its own API key (sandbox only; the account's admin key only)",
      description: [
        "Each agent's key acts as that agent: the sandbox attributes its notes, replies and time entries to it,",
        "`/agents/me` answers it, and its `ticket_scope` applies (2 = its groups' tickets, 3 = only its own).",
        "Paste a key on the OAuth consent page to sign in as that agent.",
      ].join(" "),
      security,
      responses: {
        "200": freshdeskJson("`[{id, name, email, api_key, ticket_scope, group_ids, roles}]`"),
        "403": freshdeskJson("An agent's own key may not list the others."),
        ...freshdeskErrors,
      },
    },
  },
};

const freshserviceSandboxTag: Tag = {
  name: "Sandbox",
  description: [
    "An embedded simulator of the Freshservice v2 REST API (an IT service desk with a labelled history), served",
    "under `/sandbox` only when no real Freshservice is configured (`SANDBOX_PRODUCT=freshservice`, no",
    "`FRESHSERVICE_DOMAIN`). Everything under `/sandbox/api/v2/` follows Freshservice's own API reference — tickets",
    "and their filter language, conversations, ticket form fields, requesters, agents, groups, departments,",
    "solutions, canned responses, service catalog, assets, changes, problems, SLA policies and business hours —",
    "with Freshservice's paths, bodies, error bodies, pagination and rate-limit headers (overall and sub-limits).",
    "Only a few representative operations are listed here.",
  ].join(" "),
};

/**
 * The Freshservice sandbox serves the same representative paths; only the wording and the
 * examples differ (its tickets need a requester, and the Workflow Automator emulator fires).
 */
function freshserviceSandboxPaths(): Paths {
  const paths = structuredClone(sandboxPaths);
  const tickets = paths["/sandbox/api/v2/tickets"]!;
  const ticket = paths["/sandbox/api/v2/tickets/{id}"]!;
  tickets.get!.summary = "List tickets (Freshservice v2)";
  tickets.post!.summary =
    "Create a ticket (Freshservice v2); fires the sandbox's Workflow Automator web request";
  tickets.post!.requestBody!.content["application/json"]!.example = {
    subject: "My laptop won't boot",
    description: "It shows a black screen since this morning.",
    email: "dana@example.com",
    priority: 2,
    status: 2,
  };
  ticket.get!.summary = "View a ticket (Freshservice v2)";
  ticket.put!.summary = "Update a ticket (Freshservice v2)";
  ticket.put!.requestBody!.content["application/json"]!.example = { urgency: 2, impact: 2 };
  for (const operation of [tickets.get!, tickets.post!, ticket.get!, ticket.put!]) {
    for (const response of Object.values(operation.responses)) {
      response.description = response.description.replaceAll("Freshdesk", "Freshservice");
    }
  }
  const agents = paths["/sandbox/_sandbox/agents"]!.get!;
  agents.description = [
    "Each agent's key acts as that agent: the sandbox attributes its notes and updates to it and `/agents/me`",
    "answers it. Paste a key on the OAuth consent page to sign in as that agent.",
  ].join(" ");
  agents.responses["200"]!.description = "`[{id, name, email, api_key, member_of, roles}]`";
  for (const response of Object.values(agents.responses)) {
    response.description = response.description.replaceAll("Freshdesk", "Freshservice");
  }
  return paths;
}

/** The embedded sandbox of the deployment's product. */
export function sandboxFor(product: Product): { tag: Tag; paths: Paths } {
  return product === "freshservice"
    ? { tag: freshserviceSandboxTag, paths: freshserviceSandboxPaths() }
    : { tag: sandboxTag, paths: sandboxPaths };
}
