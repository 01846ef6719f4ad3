import type { Logger } from "../logger.ts";
import type { RateGovernor } from "./rate-governor.ts";
import { type AgentsApi, agentsApi } from "./resources/agents.ts";
import { type CannedResponsesApi, cannedResponsesApi } from "./resources/canned-responses.ts";
import { type CompaniesApi, companiesApi } from "./resources/companies.ts";
import { type ContactsApi, contactsApi } from "./resources/contacts.ts";
import { type ConversationsApi, conversationsApi } from "./resources/conversations.ts";
import { type GroupsApi, groupsApi } from "./resources/groups.ts";
import { type RolesApi, rolesApi } from "./resources/roles.ts";
import { type SatisfactionRatingsApi, satisfactionRatingsApi } from "./resources/satisfaction-ratings.ts";
import { type SearchApi, searchApi } from "./resources/search.ts";
import {
  type BusinessHoursApi,
  businessHoursApi,
  type SlaPoliciesApi,
  slaPoliciesApi,
} from "./resources/service-levels.ts";
import { type SolutionsApi, solutionsApi } from "./resources/solutions.ts";
import { type TicketFieldsApi, ticketFieldsApi } from "./resources/ticket-fields.ts";
import { type TicketsApi, ticketsApi } from "./resources/tickets.ts";
import { type TimeEntriesApi, timeEntriesApi } from "./resources/time-entries.ts";
import { createTransport, type FreshdeskCallReport, type Transport } from "./transport.ts";

export type FreshdeskClientOptions = {
  /** "https://acme.freshdesk.com" or "http://127.0.0.1:3000/sandbox"; /api/v2 is appended. */
  baseUrl: string;
  apiKey: string;
  /** Per attempt, including reading the body (default 15 000). */
  timeoutMs?: number;
  /** The shared account budget; without it the client only reacts to 429s. */
  governor?: RateGovernor;
  /** Retries after 429s, and after 5xx/network failures of idempotent requests (default 3). */
  maxRetries?: number;
  logger?: Logger;
  fetch?: typeof fetch;
  /** First backoff step for 5xx/network retries (default 500; doubled per retry, with jitter). */
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** A 429 asking to wait longer than this is thrown instead of waited out (default 120). */
  maxRetryAfterSeconds?: number;
  /** Longest wait for the shared budget before giving up with a rate-limit error (default 120 000). */
  maxRateWaitMs?: number;
  /** Told about every HTTP attempt (method, path, status, duration, rate-limit headers); for metrics. */
  onResponse?: (call: FreshdeskCallReport) => void;
};

export type FreshdeskClient = {
  tickets: TicketsApi;
  search: SearchApi;
  conversations: ConversationsApi;
  contacts: ContactsApi;
  companies: CompaniesApi;
  agents: AgentsApi;
  groups: GroupsApi;
  roles: RolesApi;
  ticketFields: TicketFieldsApi;
  solutions: SolutionsApi;
  cannedResponses: CannedResponsesApi;
  slaPolicies: SlaPoliciesApi;
  businessHours: BusinessHoursApi;
  timeEntries: TimeEntriesApi;
  satisfactionRatings: SatisfactionRatingsApi;
};

export function createFreshdeskClient(options: FreshdeskClientOptions): FreshdeskClient {
  const transport = createClientTransport(options, "Freshdesk");

  return {
    tickets: ticketsApi(transport),
    search: searchApi(transport),
    conversations: conversationsApi(transport),
    contacts: contactsApi(transport),
    companies: companiesApi(transport),
    agents: agentsApi(transport),
    groups: groupsApi(transport),
    roles: rolesApi(transport),
    ticketFields: ticketFieldsApi(transport),
    solutions: solutionsApi(transport),
    cannedResponses: cannedResponsesApi(transport),
    slaPolicies: slaPoliciesApi(transport),
    businessHours: businessHoursApi(transport),
    timeEntries: timeEntriesApi(transport),
    satisfactionRatings: satisfactionRatingsApi(transport),
  };
}

/**
 * Checks the client options and builds the transport with their defaults; shared by the
 * Freshdesk and Freshservice clients (`product` names the service in messages).
 */
export function createClientTransport(options: FreshdeskClientOptions, product: string): Transport {
  const baseUrl = URL.parse(options.baseUrl);
  if (!baseUrl || !/^https?:$/.test(baseUrl.protocol)) {
    throw new TypeError(`${product} baseUrl must be an http(s) URL, got "${options.baseUrl}"`);
  }
  if (options.apiKey.trim() === "") throw new TypeError(`${product} apiKey is empty`);

  return createTransport({
    product,
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRetries: options.maxRetries ?? 3,
    governor: options.governor,
    logger: options.logger,
    fetch: options.fetch ?? fetch,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
    retryMaxDelayMs: options.retryMaxDelayMs ?? 8_000,
    maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 120,
    maxRateWaitMs: options.maxRateWaitMs ?? 120_000,
    onResponse: options.onResponse,
  });
}

/** Where the service mounts its embedded sandbox; a base URL with this path names that sandbox. */
export const SANDBOX_MOUNT_PATH = "/sandbox";

/**
 * The one identity of a Freshdesk account, for its rate budget and every Redis key of its data:
 * the host (and port), e.g. "acme.freshdesk.com". The embedded sandbox (a base URL ending in
 * /sandbox, as the web process serves it and a worker process is pointed at it) is
 * "sandbox:<host>", so its short-lived tickets never share history with a real account.
 */
export function freshdeskAccountName(baseUrl: string): string {
  const url = URL.parse(baseUrl);
  if (!url) return baseUrl;
  const path = url.pathname.replace(/\/+$/, "");
  return path === SANDBOX_MOUNT_PATH ? `sandbox:${url.host}` : url.host;
}
