/**
 * Error bodies exactly as Freshdesk sends them (reference §1.2, §2, §3.4), and small valid v2
 * objects for the unit tests' HTTP servers.
 */
export const bodies = {
  statusDatatypeMismatch: {
    description: "Validation failed",
    errors: [
      {
        field: "status",
        message: "Value set is of type String.It should be one of these values: '2,3,4,5,6,7'",
        code: "datatype_mismatch",
      },
    ],
  },
  duplicateEmail: {
    description: "Validation failed",
    errors: [{ field: "email", message: "It should be a unique value", code: "duplicate_value" }],
  },
  invalidCredentials: {
    code: "invalid_credentials",
    message: "You have to be logged in to perform this action.",
  },
  accessDenied: { code: "access_denied", message: "You are not authorized to perform this action." },
  invalidJson: { code: "invalid_json", message: "Request body has invalid json format" },
  serverError: { message: "We're sorry, but something went wrong." },
  hourlyLimit: { message: "You have exceeded the limit of requests per hour" },
};

export function ticket(id: number, extra: Record<string, unknown> = {}) {
  return {
    cc_emails: [],
    fwd_emails: [],
    reply_cc_emails: [],
    fr_escalated: false,
    spam: false,
    email_config_id: null,
    group_id: null,
    priority: 1,
    requester_id: 43026449322,
    responder_id: null,
    source: 2,
    company_id: null,
    status: 2,
    subject: `Ticket ${id}`,
    to_emails: null,
    product_id: null,
    id,
    type: "Question",
    due_by: "2024-05-20T10:00:00Z",
    fr_due_by: "2024-05-18T10:00:00Z",
    is_escalated: false,
    custom_fields: { cf_category: null },
    created_at: "2024-05-17T10:00:00Z",
    updated_at: "2024-05-17T10:00:00Z",
    tags: [],
    ...extra,
  };
}

export function group(id: number, name: string, agentIds?: number[]) {
  return {
    id,
    name,
    description: `${name} team`,
    escalate_to: null,
    unassigned_for: "30m",
    business_hour_id: null,
    group_type: "support_agent_group",
    ...(agentIds ? { agent_ids: agentIds } : {}),
    created_at: "2024-01-08T07:53:41Z",
    updated_at: "2024-01-08T07:53:41Z",
  };
}

export function agent(id: number, name: string, extra: Record<string, unknown> = {}) {
  return {
    available: true,
    occasional: false,
    id,
    ticket_scope: 1,
    signature: null,
    created_at: "2024-01-08T07:53:41Z",
    updated_at: "2024-01-08T07:53:41Z",
    available_since: null,
    type: "support_agent",
    contact: {
      active: true,
      email: `${name.toLowerCase()}@example.com`,
      job_title: null,
      language: "en",
      mobile: null,
      name,
      phone: null,
      time_zone: "UTC",
      created_at: "2024-01-08T07:53:41Z",
      updated_at: "2024-01-08T07:53:41Z",
    },
    ...extra,
  };
}
