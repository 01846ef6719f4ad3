/** The Freshdesk v2 layer: the only code that speaks HTTP to Freshdesk. */
export {
  type AccountDirectory,
  type AccountDirectoryOptions,
  createAccountDirectory,
  type DirectoryAgent,
} from "./account-directory.ts";
export {
  createFreshdeskClient,
  type FreshdeskClient,
  type FreshdeskClientOptions,
  freshdeskAccountName,
} from "./client.ts";
export {
  FreshdeskApiError,
  FreshdeskAuthError,
  type FreshdeskErrorInfo,
  type FreshdeskFieldError,
  FreshdeskInvalidResponseError,
  FreshdeskNetworkError,
  FreshdeskNotFoundError,
  FreshdeskRateLimitError,
  FreshdeskServerError,
  FreshdeskTimeoutError,
  FreshdeskValidationError,
  isTransientFreshdeskError,
} from "./errors.ts";
export {
  collectPages,
  iteratePages,
  nextPageFromLink,
  type Page,
  type PageOptions,
  type SearchResult,
} from "./pagination.ts";
export {
  createRateGovernor,
  type RateGovernor,
  type RateGovernorOptions,
  type RateHeaders,
  type RatePermit,
  type RateSnapshot,
  RateWaitTooLongError,
} from "./rate-governor.ts";
export type { AgentListParams, AgentsApi } from "./resources/agents.ts";
export type { CannedResponsesApi } from "./resources/canned-responses.ts";
export type { CompaniesApi, CompanyCreate, CompanyUpdate } from "./resources/companies.ts";
export type { ContactCreate, ContactListParams, ContactsApi, ContactUpdate } from "./resources/contacts.ts";
export type {
  ConversationsApi,
  ConversationUpdate,
  NoteCreate,
  ReplyCreate,
} from "./resources/conversations.ts";
export type { GroupsApi } from "./resources/groups.ts";
export { ACCOUNT_ADMIN_ROLE_NAMES, isAccountAdmin, type RolesApi } from "./resources/roles.ts";
export type {
  SatisfactionRatingListParams,
  SatisfactionRatingsApi,
} from "./resources/satisfaction-ratings.ts";
export type { SearchApi } from "./resources/search.ts";
export type { BusinessHoursApi, SlaPoliciesApi } from "./resources/service-levels.ts";
export type {
  ArticleCreate,
  ArticleUpdate,
  CategoryCreate,
  FolderCreate,
  SolutionsApi,
} from "./resources/solutions.ts";
export type { TicketFieldsApi } from "./resources/ticket-fields.ts";
export type {
  TicketBulkUpdate,
  TicketCreate,
  TicketForward,
  TicketInclude,
  TicketListInclude,
  TicketListParams,
  TicketMerge,
  TicketsApi,
  TicketUpdate,
} from "./resources/tickets.ts";
export type { TimeEntriesApi, TimeEntryCreate, TimeEntryListParams } from "./resources/time-entries.ts";
export { type Agent, agentSchema } from "./schemas/agent.ts";
export { type BulkJob, type BulkJobStart, bulkJobSchema } from "./schemas/bulk-job.ts";
export { type BusinessHours, businessHoursSchema } from "./schemas/business-hours.ts";
export {
  type CannedResponse,
  type CannedResponseFolder,
  cannedResponseFolderSchema,
  cannedResponseSchema,
} from "./schemas/canned-response.ts";
export { type Attachment, attachmentSchema } from "./schemas/common.ts";
export { type Company, companySchema } from "./schemas/company.ts";
export { type Contact, contactSchema } from "./schemas/contact.ts";
export { type Conversation, conversationSchema } from "./schemas/conversation.ts";
export { type Group, groupSchema } from "./schemas/group.ts";
export { type Role, roleSchema } from "./schemas/role.ts";
export { type SatisfactionRating, satisfactionRatingSchema } from "./schemas/satisfaction-rating.ts";
export { type SlaPolicy, type SlaTarget, slaPolicySchema } from "./schemas/sla-policy.ts";
export {
  type SolutionArticle,
  type SolutionCategory,
  type SolutionFolder,
  type SolutionSearchHit,
  solutionArticleSchema,
  solutionCategorySchema,
  solutionFolderSchema,
  solutionSearchHitSchema,
} from "./schemas/solution.ts";
export {
  type Ticket,
  type TicketRequester,
  type TicketStats,
  ticketSchema,
} from "./schemas/ticket.ts";
export { type TicketField, ticketFieldSchema } from "./schemas/ticket-field.ts";
export { type TimeEntry, timeEntrySchema } from "./schemas/time-entry.ts";
export {
  buildFieldCatalog,
  type Choice,
  type CustomFieldInfo,
  type StatusChoice,
  type TicketFieldCatalog,
} from "./ticket-field-catalog.ts";
