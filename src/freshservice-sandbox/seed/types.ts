// Freshservice v2 wire shapes (show-endpoint shapes) as TypeScript types, for the sandbox's seed
// and store. Facts from shared/reference/freshservice-api.md (section numbers below). Key order
// follows the DOC samples where they show one; elsewhere it is [inferred]. Object literals built
// from these types keep that order because the sandbox serialises them as they are.
//
// Freshservice names blank fields `null` rather than omitting them (§1), so optional keys are
// rare here: a `?` marks a key that only some records carry.

/** UTC ISO timestamp `YYYY-MM-DDTHH:MM:SSZ` (§1). */
export type FsTimestamp = string;

export type FsCustomFieldValue = string | number | boolean | null;
export type FsCustomFields = Record<string, FsCustomFieldValue>;

export type FsAttachment = {
  id: number;
  content_type: string;
  size: number;
  name: string;
  attachment_url: string;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

/** 2 Open, 3 Pending, 4 Resolved, 5 Closed (§2). */
export type FsTicketStatus = 2 | 3 | 4 | 5;
/** 1 Low, 2 Medium, 3 High, 4 Urgent (§2). */
export type FsPriority = 1 | 2 | 3 | 4;
/** Ticket urgency and impact: 1 Low, 2 Medium, 3 High (§2). */
export type FsLevel = 1 | 2 | 3;
/** The types an IT workspace offers (§2); business-team workspaces have others. */
export type FsTicketType = "Incident" | "Service Request" | "Major Incident";

// §2 — GET /tickets/{id} (`{"ticket": …}`). Tags are not part of a plain GET (§2): the store keeps
// them in `tags` and the ticket routes show them only for `include=tags`.
export type FsTicket = {
  cc_emails: string[];
  fwd_emails: string[];
  reply_cc_emails: string[];
  fr_escalated: boolean;
  spam: boolean;
  email_config_id: number | null;
  group_id: number | null;
  priority: FsPriority;
  requester_id: number;
  requested_for_id: number | null;
  responder_id: number | null;
  source: number;
  status: FsTicketStatus;
  subject: string;
  to_emails: string[] | null;
  department_id: number | null;
  id: number;
  type: FsTicketType | string;
  due_by: FsTimestamp;
  fr_due_by: FsTimestamp;
  is_escalated: boolean;
  description: string;
  description_text: string;
  /** Level 1 of the category tree, a string value ("Hardware") despite the DOC table (§2). */
  category: string | null;
  sub_category: string | null;
  item_category: string | null;
  custom_fields: FsCustomFields;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
  urgency: FsLevel;
  impact: FsLevel;
  tags: string[];
  attachments: FsAttachment[];
  deleted: boolean;
  workspace_id: number;
  sla_policy_id: number | null;
  created_within_business_hours: boolean;
  resolution_notes: string | null;
  resolution_notes_html: string | null;
  approval_status: number | null;
  approval_status_name: string | null;
};

/** Service-request line items (§3 requested_items); stage 1 Requested … 5 Partially Fulfilled. */
export type FsRequestedItem = {
  id: number;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
  quantity: number;
  stage: 1 | 2 | 3 | 4 | 5;
  loaned: boolean;
  cost_per_request: number;
  remarks: string | null;
  delivery_time: number | null;
  is_parent: boolean;
  service_item_id: number;
  service_item_name: string;
  custom_fields: FsCustomFields;
};

// §3 — conversation list item / note / reply.
export type FsConversation = {
  id: number;
  user_id: number;
  to_emails: string[];
  from_email: string | null;
  cc_emails: string[];
  bcc_emails: string[];
  body: string;
  body_text: string;
  ticket_id: number;
  incoming: boolean;
  private: boolean;
  /** 0 email, 1 form, 2 note, 3 status, 4 meta, 5 feedback, 6 forward_email (§3). */
  source: number;
  support_email: string | null;
  attachments: FsAttachment[];
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// §3 — GET /tickets/{id}/activities entries.
export type FsActivity = {
  actor: { id: number; name: string };
  content: string;
  sub_contents: string[];
  created_at: FsTimestamp;
  ticket_id: number;
};

// §5 — GET /requesters/{id}
export type FsRequester = {
  id: number;
  is_agent: boolean;
  first_name: string;
  last_name: string | null;
  job_title: string | null;
  primary_email: string | null;
  secondary_emails: string[];
  work_phone_number: string | null;
  mobile_phone_number: string | null;
  department_ids: number[];
  can_see_all_tickets_from_associated_departments: boolean;
  reporting_manager_id: number | null;
  address: string | null;
  time_zone: string;
  time_format: string;
  language: string;
  location_id: number | null;
  background_information: string | null;
  custom_fields: FsCustomFields;
  active: boolean;
  has_logged_in: boolean;
  external_id: string | null;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

/** §5 — an agent's role assignment; `assignment_scope` "entire_helpdesk" | "member_groups" | "specified_groups" | "assigned_items" [DOC]. */
export type FsAgentRole = { role_id: number; assignment_scope: string; groups: number[] };

// §5 — GET /agents/{id}. `member_of`/`observer_of` replace the removed `group_ids` (2023).
export type FsAgent = {
  id: number;
  first_name: string;
  last_name: string | null;
  occasional: boolean;
  active: boolean;
  job_title: string | null;
  email: string;
  work_phone_number: string | null;
  mobile_phone_number: string | null;
  department_ids: number[];
  can_see_all_tickets_from_associated_departments: boolean;
  reporting_manager_id: number | null;
  address: string | null;
  time_zone: string;
  time_format: string;
  language: string;
  location_id: number | null;
  background_information: string | null;
  scoreboard_level_id: number | null;
  member_of: number[];
  observer_of: number[];
  member_of_pending_approval: number[];
  observer_of_pending_approval: number[];
  roles: FsAgentRole[];
  last_login_at: FsTimestamp | null;
  last_active_at: FsTimestamp | null;
  custom_fields: FsCustomFields;
  has_logged_in: boolean;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// §5 — GET /groups/{id} (agent groups; there is no /agent_groups path).
export type FsGroup = {
  id: number;
  name: string;
  description: string | null;
  escalate_to: number | null;
  /** "30m", "1h", "2h", "4h", "8h", "12h", "1d", "2d", "3d" or null. */
  unassigned_for: string | null;
  business_hours_id: number | null;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
  auto_ticket_assign: boolean;
  restricted: boolean;
  approval_required: boolean;
  members: number[];
  observers: number[];
  leaders: number[];
  members_pending_approval: number[];
  leaders_pending_approval: number[];
  observers_pending_approval: number[];
  workspace_id: number;
};

// §5 — GET /departments/{id}
export type FsDepartment = {
  id: number;
  name: string;
  description: string | null;
  head_user_id: number | null;
  prime_user_id: number | null;
  domains: string[];
  custom_fields: FsCustomFields;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
  workspace_id: number;
};

// §3 — /ticket_form_fields choices are objects. Status choices add the requester's wording.
export type FsFieldChoice = {
  id: number;
  value: string;
  requester_display_value?: string;
};

/** A node of the 3-level category tree (`default_category`): level 1 → 2 → 3 via nested_options. */
export type FsCategoryChoice = {
  id: number;
  display_id: number;
  value: string;
  nested_options: FsCategoryChoice[];
};

/** The dependent levels of `default_category` (sub_category level 2, item_category level 3). */
export type FsNestedField = {
  id: number;
  name: "sub_category" | "item_category";
  label: string;
  label_in_portal: string;
  description: string;
  level: 2 | 3;
  field_id: number;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// §3 — item of GET /ticket_form_fields (`{"ticket_fields": […]}`).
export type FsTicketFormField = {
  id: number;
  workspace_id: number | null;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
  name: string;
  label: string;
  description: string;
  /** default_status, default_urgency, default_category, custom_dropdown, … (§3). */
  field_type: string;
  required: boolean;
  required_for_closure: boolean;
  position: number;
  default_field: boolean;
  choices: FsFieldChoice[] | FsCategoryChoice[];
  nested_fields: FsNestedField[];
  required_for_agents: boolean;
  required_for_customers: boolean;
  label_for_customers: string;
  customers_can_edit: boolean;
  displayed_to_customers: boolean;
  belongs_to_section: boolean;
  sections: unknown[];
};

// §6 — solutions
export type FsSolutionCategory = {
  id: number;
  name: string;
  description: string | null;
  position: number;
  default_category: boolean;
  workspace_id: number;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

export type FsSolutionFolder = {
  id: number;
  name: string;
  description: string | null;
  position: number;
  default_folder: boolean;
  category_id: number;
  /** 1 All, 2 Logged-in users, 3 Agents only, 4 Departments, 5 Agent groups, 6 Contact groups (§6). */
  visibility: number;
  workspace_id: number;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

export type FsSolutionArticle = {
  id: number;
  title: string;
  description: string;
  description_text: string;
  /** 1 draft, 2 published (§6). */
  status: 1 | 2;
  /** 1 permanent, 2 workaround (§6). */
  article_type: 1 | 2;
  folder_id: number;
  category_id: number;
  position: number;
  approval_status: number | null;
  thumbs_up: number;
  thumbs_down: number;
  views: number;
  agent_id: number;
  keywords: string[];
  tags: string[];
  url: string | null;
  review_date: FsTimestamp | null;
  inserted_into_tickets: number;
  workspace_id: number;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// §6 — canned responses (read-only in the API).
export type FsCannedResponseFolder = {
  id: number;
  name: string;
  /** "personal" or "shared" [inferred from the UI; the DOC sample is not in the scrape]. */
  type: "personal" | "shared";
  responses_count: number;
  workspace_id: number;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

export type FsCannedResponse = {
  id: number;
  title: string;
  folder_id: number;
  /** Plain text; placeholders look like `{{ticket.requester.name}}` (§12). */
  content: string;
  content_html: string;
  workspace_id: number;
  attachments: FsAttachment[];
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// §3 service requests — GET /service_catalog/categories
export type FsServiceCategory = {
  id: number;
  name: string;
  description: string | null;
  position: number;
  workspace_id: number;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// GET /service_catalog/items/{display_id}
export type FsServiceItem = {
  id: number;
  display_id: number;
  name: string;
  short_description: string;
  description: string;
  category_id: number;
  product_id: number | null;
  /** Delivery time in hours. */
  delivery_time: number | null;
  cost: number;
  quantity: number | null;
  deleted: boolean;
  /** 1 draft, 2 published [inferred]. */
  visibility: 1 | 2;
  item_type: number;
  ci_type_id: number | null;
  cost_visibility: boolean;
  delivery_time_visibility: boolean;
  allow_attachments: boolean;
  allow_quantity: boolean;
  is_bundle: boolean;
  create_child: boolean;
  icon_name: string;
  workspace_id: number;
  custom_fields: unknown[];
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// §7 — asset types (the list names what `asset_type_id` means).
export type FsAssetType = {
  id: number;
  name: string;
  description: string | null;
  parent_asset_type_id: number | null;
  visible: boolean;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// §7 — GET /assets/{display_id}. Asset `impact` is a string ("low"), unlike ticket impact.
export type FsAsset = {
  id: number;
  display_id: number;
  name: string;
  description: string | null;
  asset_type_id: number;
  impact: "low" | "medium" | "high";
  author_type: string;
  usage_type: "permanent" | "loaner";
  asset_tag: string | null;
  user_id: number | null;
  department_id: number | null;
  location_id: number | null;
  agent_id: number | null;
  group_id: number | null;
  assigned_on: FsTimestamp | null;
  workspace_id: number;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
  /** State, serial number, product… shown with `include=type_fields` [DOC], stored always. */
  type_fields: Record<string, string | number | null>;
};

// §7 — GET /changes/{id}
export type FsChange = {
  id: number;
  workspace_id: number;
  agent_id: number | null;
  description: string;
  description_text: string;
  requester_id: number;
  group_id: number | null;
  priority: FsPriority;
  impact: FsLevel;
  /** 1 Open, 2 Planning, 3 Awaiting Approval, 4 Pending Release, 5 Pending Review, 6 Closed. */
  status: 1 | 2 | 3 | 4 | 5 | 6;
  /** 1 Low, 2 Medium, 3 High, 4 Very High. */
  risk: 1 | 2 | 3 | 4;
  /** 1 Minor, 2 Standard, 3 Major, 4 Emergency. */
  change_type: 1 | 2 | 3 | 4;
  approval_status: number | null;
  planned_start_date: FsTimestamp;
  planned_end_date: FsTimestamp;
  subject: string;
  department_id: number | null;
  category: string | null;
  sub_category: string | null;
  item_category: string | null;
  custom_fields: FsCustomFields;
  maintenance_window: { id: number | null };
  blackout_window: { id: number | null };
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// §7 — GET /problems/{id}
export type FsProblem = {
  id: number;
  workspace_id: number;
  agent_id: number | null;
  requester_id: number;
  description: string;
  description_text: string;
  subject: string;
  group_id: number | null;
  priority: FsPriority;
  impact: FsLevel;
  /** 1 Open, 2 Change Requested, 3 Closed. */
  status: 1 | 2 | 3;
  known_error: boolean;
  department_id: number | null;
  category: string | null;
  sub_category: string | null;
  item_category: string | null;
  due_by: FsTimestamp;
  custom_fields: FsCustomFields;
  analysis_fields: Record<string, { description: string; description_text: string }>;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// §7 — GET /sla_policies. Shape [inferred]: the DOC index names the endpoint only. Seconds.
export type FsSlaTarget = {
  priority: FsPriority;
  escalation_enabled: boolean;
  respond_within: number;
  resolve_within: number;
  business_hours: boolean;
};

export type FsSlaPolicy = {
  id: number;
  name: string;
  description: string | null;
  position: number;
  is_default: boolean;
  active: boolean;
  deleted: boolean;
  sla_targets: FsSlaTarget[];
  applicable_to: {
    group_ids?: number[];
    department_ids?: number[];
    ticket_types?: string[];
    sources?: number[];
  };
  workspace_id: number;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

// §7 — GET /business_hours/{id}. Shape [inferred] like the SLA policies.
export type FsWorkday = { beginning_of_workday: string; end_of_workday: string };
export type FsWeekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

export type FsBusinessHours = {
  id: number;
  name: string;
  description: string | null;
  is_default: boolean;
  time_zone: string;
  service_desk_hours: Partial<Record<FsWeekday, FsWorkday>>;
  list_of_holidays: { holiday_date: string; holiday_name: string }[];
  workspace_id: number;
  created_at: FsTimestamp;
  updated_at: FsTimestamp;
};

/** Everything the Freshservice sandbox starts with (seed/index.ts `buildFreshserviceSeed`). */
export type FreshserviceSeed = {
  /** The primary (IT) workspace; list endpoints default to it (§11). */
  workspaceId: number;
  departments: FsDepartment[];
  groups: FsGroup[];
  agents: FsAgent[];
  /** The agent the sandbox API key belongs to (SRs without `email` are raised for it, §3). */
  currentAgentId: number;
  requesters: FsRequester[];
  ticketFormFields: FsTicketFormField[];
  tickets: FsTicket[];
  conversations: FsConversation[];
  /** Ticket id → display ids of the assets linked to it (`include=assets`). */
  ticketAssets: Map<number, number[]>;
  solutionCategories: FsSolutionCategory[];
  solutionFolders: FsSolutionFolder[];
  solutionArticles: FsSolutionArticle[];
  cannedResponseFolders: FsCannedResponseFolder[];
  cannedResponses: FsCannedResponse[];
  serviceCategories: FsServiceCategory[];
  serviceItems: FsServiceItem[];
  assetTypes: FsAssetType[];
  assets: FsAsset[];
  changes: FsChange[];
  problems: FsProblem[];
  slaPolicies: FsSlaPolicy[];
  businessHours: FsBusinessHours[];
};

/** Labels a history ticket carries, as the generator meant them (for tests and honest figures). */
export type FsHistoryNote = { intent: string; inconsistent: boolean };

/** Resolved/closed labelled tickets for learning (seed/history.ts `buildFreshserviceHistory`). */
export type FreshserviceHistory = {
  tickets: FsTicket[];
  requesters: FsRequester[];
  notes: Map<number, FsHistoryNote>;
};
