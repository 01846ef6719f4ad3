/**
 * The Freshservice v2 layer: the only code that speaks HTTP to Freshservice. Errors are the
 * Freshdesk client's classes (`FreshdeskApiError` and subclasses, with `product: "Freshservice"`),
 * pages are its `Page<T>`, and the rate governor is its governor with Freshservice's sub-limits.
 */
export {
  FreshdeskApiError,
  FreshdeskAuthError,
  FreshdeskInvalidResponseError,
  FreshdeskNetworkError,
  FreshdeskNotFoundError,
  FreshdeskRateLimitError,
  FreshdeskServerError,
  FreshdeskTimeoutError,
  FreshdeskValidationError,
  isTransientFreshdeskError,
} from "../freshdesk/errors.ts";
export { collectPages, iteratePages, type Page } from "../freshdesk/pagination.ts";
export { RATE_BUCKETS, type RateBucket } from "../freshdesk/rate-governor.ts";
export {
  createFreshserviceClient,
  type FreshserviceClient,
  type FreshserviceClientOptions,
} from "./client.ts";
export {
  type FreshservicePlanLimits,
  freshserviceGovernorLimits,
  freshservicePlanLimits,
} from "./plan-limits.ts";
export type { FsAgentListParams, FsAgentsApi } from "./resources/agents.ts";
export type { FsAssetInclude, FsAssetListParams, FsAssetsApi } from "./resources/assets.ts";
export type { FsCannedResponsesApi } from "./resources/canned-responses.ts";
export type { FsChangesApi, FsProblemsApi } from "./resources/changes-problems.ts";
export type { FsConversationsApi, FsNoteCreate, FsReplyCreate } from "./resources/conversations.ts";
export type { FsDepartmentsApi } from "./resources/departments.ts";
export type { FsGroupsApi } from "./resources/groups.ts";
export { type FsPageOptions, MAX_QUERY_LENGTH } from "./resources/params.ts";
export type {
  FsRequesterCreate,
  FsRequesterListParams,
  FsRequestersApi,
  FsRequesterUpdate,
} from "./resources/requesters.ts";
export {
  FRESHSERVICE_ADMIN_ROLE_NAMES,
  type FsRolesApi,
  isFreshserviceAccountAdmin,
} from "./resources/roles.ts";
export type { FsServiceCatalogApi, FsServiceRequestCreate } from "./resources/service-catalog.ts";
export type { FsBusinessHoursApi, FsSlaPoliciesApi } from "./resources/service-levels.ts";
export type { FsArticleSearchResult, FsSolutionsApi } from "./resources/solutions.ts";
export type { FsTicketFormFieldsApi } from "./resources/ticket-form-fields.ts";
export {
  FILTER_PAGE_SIZE,
  type FsFilterResult,
  type FsTicketCreate,
  type FsTicketInclude,
  type FsTicketListInclude,
  type FsTicketListParams,
  type FsTicketsApi,
  type FsTicketUpdate,
} from "./resources/tickets.ts";
export { type FsAgent, type FsAgentRole, fsAgentRoleSchema, fsAgentSchema } from "./schemas/agent.ts";
export { type FsAsset, fsAssetSchema } from "./schemas/asset.ts";
export {
  type FsCannedResponse,
  type FsCannedResponseFolder,
  fsCannedResponseFolderSchema,
  fsCannedResponseSchema,
} from "./schemas/canned-response.ts";
export { type FsChange, type FsProblem, fsChangeSchema, fsProblemSchema } from "./schemas/change-problem.ts";
export { type FsAttachment, fsAttachmentSchema } from "./schemas/common.ts";
export {
  type FsActivity,
  type FsConversation,
  fsActivitySchema,
  fsConversationSchema,
} from "./schemas/conversation.ts";
export { type FsDepartment, fsDepartmentSchema } from "./schemas/department.ts";
export { type FsGroup, fsGroupSchema } from "./schemas/group.ts";
export { type FsRequester, fsRequesterSchema } from "./schemas/requester.ts";
export { type FsRole, fsRoleSchema } from "./schemas/role.ts";
export {
  type FsServiceCategory,
  type FsServiceItem,
  fsServiceCategorySchema,
  fsServiceItemSchema,
} from "./schemas/service-catalog.ts";
export {
  type FsBusinessHours,
  type FsSlaPolicy,
  type FsSlaTarget,
  fsBusinessHoursSchema,
  fsSlaPolicySchema,
  fsSlaTargetSchema,
} from "./schemas/service-levels.ts";
export {
  type FsArticle,
  type FsSearchMeta,
  type FsSolutionCategory,
  type FsSolutionFolder,
  fsArticleSchema,
  fsSearchMetaSchema,
  fsSolutionCategorySchema,
  fsSolutionFolderSchema,
} from "./schemas/solution.ts";
export {
  type FsRequestedItem,
  type FsTicket,
  type FsTicketPerson,
  type FsTicketStats,
  fsRequestedItemSchema,
  fsTicketSchema,
} from "./schemas/ticket.ts";
export {
  type FsFieldChoice,
  type FsNestedField,
  type FsTicketFormField,
  fsFieldChoiceSchema,
  fsNestedFieldSchema,
  fsTicketFormFieldSchema,
} from "./schemas/ticket-form-field.ts";
