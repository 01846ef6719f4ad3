// Freshdesk v2 wire shapes (show-endpoint shapes) as TypeScript types. Keys are declared in the
// order Freshdesk emits them (shared/reference/freshdesk-api.md §5–§8); object literals built
// from these types must keep that order because the sandbox serialises them as they are.

/** UTC ISO timestamp `YYYY-MM-DDTHH:MM:SSZ` (no milliseconds). */
export type FdTimestamp = string;

export type FdCustomFieldValue = string | number | boolean | null;
export type FdCustomFields = Record<string, FdCustomFieldValue>;

export type FdAttachment = {
  id: number;
  content_type: string;
  size: number;
  name: string;
  attachment_url: string;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
};

// §5.1 — GET /tickets/{id}
export type FdTicket = {
  cc_emails: string[];
  fwd_emails: string[];
  reply_cc_emails: string[];
  ticket_cc_emails: string[];
  fr_escalated: boolean;
  spam: boolean;
  email_config_id: number | null;
  group_id: number | null;
  priority: number;
  requester_id: number;
  responder_id: number | null;
  source: number;
  company_id: number | null;
  status: number;
  subject: string;
  association_type: number | null;
  to_emails: string[] | null;
  product_id: number | null;
  id: number;
  type: string | null;
  due_by: FdTimestamp;
  fr_due_by: FdTimestamp;
  is_escalated: boolean;
  description: string;
  description_text: string;
  custom_fields: FdCustomFields;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  tags: string[];
  attachments: FdAttachment[];
  source_additional_info: Record<string, unknown> | null;
  /** Present (always `true`) only on soft-deleted tickets. */
  deleted?: true;
  // Next-response SLA and shared ownership keys, only on accounts with those features.
  nr_due_by?: FdTimestamp | null;
  nr_escalated?: boolean;
  internal_agent_id?: number | null;
  internal_group_id?: number | null;
};

// §5.3 — shapes of the `include=` embeds (added by the sandbox, never stored in the seed).
export type FdTicketRequesterEmbed = {
  id: number;
  name: string;
  email: string | null;
  mobile: string | null;
  phone: string | null;
};
export type FdTicketCompanyEmbed = { id: number; name: string } | Record<string, never>;
export type FdTicketStats = {
  agent_responded_at: FdTimestamp | null;
  requester_responded_at: FdTimestamp | null;
  first_responded_at: FdTimestamp | null;
  status_updated_at: FdTimestamp | null;
  reopened_at: FdTimestamp | null;
  resolved_at: FdTimestamp | null;
  closed_at: FdTimestamp | null;
  pending_since: FdTimestamp | null;
};

// §5.7 — conversation list item (GET /tickets/{id}/conversations).
export type FdConversation = {
  body: string;
  body_text: string;
  id: number;
  incoming: boolean;
  private: boolean;
  user_id: number;
  support_email: string | null;
  /** 0 email (replies), 2 note, … (§5.4). */
  source: number;
  category: number;
  to_emails: string[] | null;
  from_email: string | null;
  cc_emails: string[] | null;
  bcc_emails: string[] | null;
  email_failure_count: number | null;
  outgoing_failures: unknown[] | null;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  attachments: FdAttachment[];
  ticket_id: number;
  source_additional_info: Record<string, unknown> | null;
};

export type FdAvatar = {
  avatar_url: string;
  content_type: string;
  id: number;
  name: string;
  size: number;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
};

// §8.1 — GET /contacts/{id}
export type FdContact = {
  active: boolean;
  address: string | null;
  company_id: number | null;
  view_all_tickets: boolean | null;
  description: string | null;
  email: string | null;
  id: number;
  job_title: string | null;
  language: string;
  mobile: string | null;
  name: string;
  phone: string | null;
  time_zone: string;
  twitter_id: string | null;
  custom_fields: FdCustomFields;
  tags: string[];
  other_emails: string[];
  facebook_id: string | null;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  csat_rating: number | null;
  preferred_source: number | null;
  avatar: FdAvatar | null;
  other_companies?: number[];
  deleted?: boolean;
  unique_external_id?: string | null;
};

// §8.2 — GET /companies/{id}. The seed marks VIP accounts with the company custom field
// `account_tier` (values "VIP", "Business", "Standard"); see VIP_COMPANY_FIELD in index.ts.
export type FdCompany = {
  id: number;
  name: string;
  description: string | null;
  note: string | null;
  domains: string[];
  custom_fields: FdCustomFields;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  // Only on accounts with account management enabled.
  health_score?: string | null;
  account_tier?: string | null;
  renewal_date?: FdTimestamp | null;
  industry?: string | null;
};

export type FdAgentContact = {
  active: boolean;
  email: string;
  job_title: string | null;
  language: string;
  last_login_at: FdTimestamp | null;
  mobile: string | null;
  name: string;
  phone: string | null;
  time_zone: string;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
};

// §8.3 — GET /agents/{id}. `id` is the agent's user id (shared with contacts).
export type FdAgent = {
  available: boolean;
  occasional: boolean;
  id: number;
  /** 1 Global, 2 Group, 3 Restricted. */
  ticket_scope: number;
  signature: string | null;
  group_ids: number[];
  role_ids: number[];
  skill_ids: number[];
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  last_active_at: FdTimestamp | null;
  available_since: FdTimestamp | null;
  type: string;
  contact: FdAgentContact;
};

// §8.5 — GET /roles/{id}. Whether an agent is an account admin shows only through its role_ids.
export type FdRole = {
  id: number;
  name: string;
  description: string;
  default: boolean;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  agent_type: number;
};

// §8.5 — GET /tickets/{id}/time_entries items, keys in order (PYFD time_entries.json).
export type FdTimeEntry = {
  billable: boolean;
  note: string;
  id: number;
  timer_running: boolean;
  agent_id: number;
  ticket_id: number;
  company_id: number | null;
  /** "hh:mm" */
  time_spent: string;
  executed_at: FdTimestamp;
  start_time: FdTimestamp;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
};

// GET /tickets/{id}/satisfaction_ratings items. `ratings` maps a survey question to a rating:
// 103 extremely happy … 100 neutral … -103 extremely unhappy.
export type FdSatisfactionRating = {
  id: number;
  survey_id: number;
  user_id: number;
  agent_id: number | null;
  feedback: string;
  group_id: number | null;
  ticket_id: number;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  ratings: Record<string, number>;
};

// §8.4 — GET /groups/{id}
export type FdGroup = {
  id: number;
  name: string;
  description: string | null;
  escalate_to: number | null;
  unassigned_for: string | null;
  business_hour_id: number | null;
  agent_ids: number[];
  group_type: string;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  /** Only when round-robin assignment is enabled for the group. */
  auto_ticket_assign?: boolean;
};

/**
 * `choices` formats per field type (§8.8):
 * status `{"2": ["Open", "Being Processed"]}`, priority/source `{"Low": 1}`,
 * ticket type and custom_dropdown `["a", "b"]`, group/agent/product `{"<name>": id}`.
 */
export type FdTicketFieldChoices =
  | Record<string, [string, string]>
  | Record<string, number>
  | string[]
  | Record<string, unknown>;

// §8.8 — item of GET /ticket_fields
export type FdTicketField = {
  id: number;
  name: string;
  label: string;
  description: string;
  position: number;
  required_for_closure: boolean;
  required_for_agents: boolean;
  type: string;
  default: boolean;
  customers_can_edit: boolean;
  label_for_customers: string;
  required_for_customers: boolean;
  displayed_to_customers: boolean;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  choices?: FdTicketFieldChoices;
  portal_cc?: boolean;
  portal_cc_to?: string;
  nested_ticket_fields?: unknown[];
};

// §7 — solutions
export type FdSolutionCategory = {
  id: number;
  name: string;
  description: string | null;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  visible_in_portals?: number[];
};

export type FdSolutionFolder = {
  id: number;
  name: string;
  description: string | null;
  /** 1 all users, 2 logged-in users, 3 agents, 4 selected companies, 5 bot, 6/7 segments. */
  visibility: number;
  category_id: number;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  company_ids?: number[];
  contact_segment_ids?: number[];
  company_segment_ids?: number[];
};

export type FdSolutionArticle = {
  id: number;
  /** 1 permanent, 2 workaround. */
  type: number;
  /** 1 draft, 2 published. */
  status: number;
  agent_id: number;
  created_at: FdTimestamp;
  category_id: number;
  folder_id: number;
  title: string;
  updated_at: FdTimestamp;
  description: string;
  description_text: string;
  seo_data: { meta_title: string; meta_description: string; meta_keywords?: string };
  tags: string[];
  attachments: FdAttachment[];
  cloud_files: unknown[];
  thumbs_up: number;
  thumbs_down: number;
  hits: number;
  suggested?: number;
  feedback_count: number;
};

// §8.6 — canned responses
export type FdCannedResponseFolder = {
  id: number;
  name: string;
  personal: boolean;
  responses_count: number;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
};

export type FdCannedResponse = {
  id: number;
  title: string;
  folder_id: number;
  /** Plain-text content with `{{ticket.…}}` placeholders. */
  content: string;
  content_html: string;
  attachments: FdAttachment[];
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
};

// §8.7 — SLA policies and business hours. Times in seconds.
export type FdSlaTarget = {
  respond_within: number;
  resolve_within: number;
  next_respond_within?: number;
  business_hours: boolean;
  escalation_enabled: boolean;
};

export type FdSlaPolicy = {
  id: number;
  name: string;
  description: string | null;
  active: boolean;
  sla_target: {
    priority_1: FdSlaTarget;
    priority_2: FdSlaTarget;
    priority_3: FdSlaTarget;
    priority_4: FdSlaTarget;
  };
  applicable_to: {
    group_ids?: number[];
    company_ids?: number[];
    product_ids?: number[];
    sources?: number[];
    ticket_types?: string[];
  };
  is_default: boolean;
  position: number;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  escalation?: {
    response?: { escalation_time: number; agent_ids: number[] };
    resolution?: Record<string, { escalation_time: number; agent_ids: number[] }>;
  };
};

export type FdBusinessDay = { start_time: string; end_time: string };

// GET /business_hours/{id} (the list omits is_default and holiday_list).
export type FdBusinessHours = {
  id: number;
  name: string;
  description: string | null;
  business_hours: Partial<
    Record<"monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday", FdBusinessDay>
  >;
  time_zone: string;
  created_at: FdTimestamp;
  updated_at: FdTimestamp;
  is_default: boolean;
  holiday_list: { name: string; date: string }[];
};

export type SeedData = {
  groups: FdGroup[];
  agents: FdAgent[];
  roles: FdRole[];
  /** The agent the sandbox API key belongs to (`GET /agents/me`). */
  currentAgentId: number;
  contacts: FdContact[];
  companies: FdCompany[];
  ticketFields: FdTicketField[];
  tickets: FdTicket[];
  conversations: FdConversation[];
  solutionCategories: FdSolutionCategory[];
  solutionFolders: FdSolutionFolder[];
  solutionArticles: FdSolutionArticle[];
  cannedResponseFolders: FdCannedResponseFolder[];
  cannedResponses: FdCannedResponse[];
  slaPolicies: FdSlaPolicy[];
  businessHours: FdBusinessHours[];
  timeEntries: FdTimeEntry[];
  satisfactionRatings: FdSatisfactionRating[];
};
