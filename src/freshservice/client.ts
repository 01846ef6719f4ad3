import { createClientTransport, type FreshdeskClientOptions } from "../freshdesk/client.ts";
import { agentsApi, type FsAgentsApi } from "./resources/agents.ts";
import { assetsApi, type FsAssetsApi } from "./resources/assets.ts";
import { cannedResponsesApi, type FsCannedResponsesApi } from "./resources/canned-responses.ts";
import {
  changesApi,
  type FsChangesApi,
  type FsProblemsApi,
  problemsApi,
} from "./resources/changes-problems.ts";
import { conversationsApi, type FsConversationsApi } from "./resources/conversations.ts";
import { departmentsApi, type FsDepartmentsApi } from "./resources/departments.ts";
import { type FsGroupsApi, groupsApi } from "./resources/groups.ts";
import { type FsRequestersApi, requestersApi } from "./resources/requesters.ts";
import { type FsRolesApi, rolesApi } from "./resources/roles.ts";
import { type FsServiceCatalogApi, serviceCatalogApi } from "./resources/service-catalog.ts";
import {
  businessHoursApi,
  type FsBusinessHoursApi,
  type FsSlaPoliciesApi,
  slaPoliciesApi,
} from "./resources/service-levels.ts";
import { type FsSolutionsApi, solutionsApi } from "./resources/solutions.ts";
import { type FsTicketFormFieldsApi, ticketFormFieldsApi } from "./resources/ticket-form-fields.ts";
import { type FsTicketsApi, ticketsApi } from "./resources/tickets.ts";

/**
 * The Freshdesk client's options: `baseUrl` is "https://acme.freshservice.com" or a sandbox's
 * "http://127.0.0.1:3000/sandbox" (/api/v2 is appended). Pass a governor made with
 * `freshserviceGovernorLimits(plan)` so the per-endpoint sub-limits hold too.
 */
export type FreshserviceClientOptions = FreshdeskClientOptions;

export type FreshserviceClient = {
  tickets: FsTicketsApi;
  conversations: FsConversationsApi;
  ticketFormFields: FsTicketFormFieldsApi;
  requesters: FsRequestersApi;
  agents: FsAgentsApi;
  roles: FsRolesApi;
  groups: FsGroupsApi;
  departments: FsDepartmentsApi;
  solutions: FsSolutionsApi;
  cannedResponses: FsCannedResponsesApi;
  serviceCatalog: FsServiceCatalogApi;
  assets: FsAssetsApi;
  changes: FsChangesApi;
  problems: FsProblemsApi;
  slaPolicies: FsSlaPoliciesApi;
  businessHours: FsBusinessHoursApi;
};

/**
 * The typed Freshservice v2 client. It shares the Freshdesk client's transport (Basic auth
 * `key:X`, retries, timeouts, Link paging, the shared rate governor) and error classes, whose
 * messages and `product` say "Freshservice".
 */
export function createFreshserviceClient(options: FreshserviceClientOptions): FreshserviceClient {
  const transport = createClientTransport(options, "Freshservice");
  return {
    tickets: ticketsApi(transport),
    conversations: conversationsApi(transport),
    ticketFormFields: ticketFormFieldsApi(transport),
    requesters: requestersApi(transport),
    agents: agentsApi(transport),
    roles: rolesApi(transport),
    groups: groupsApi(transport),
    departments: departmentsApi(transport),
    solutions: solutionsApi(transport),
    cannedResponses: cannedResponsesApi(transport),
    serviceCatalog: serviceCatalogApi(transport),
    assets: assetsApi(transport),
    changes: changesApi(transport),
    problems: problemsApi(transport),
    slaPolicies: slaPoliciesApi(transport),
    businessHours: businessHoursApi(transport),
  };
}
