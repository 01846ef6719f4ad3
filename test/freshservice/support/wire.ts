/** Freshservice-shaped bodies for tests against a small stand-in server. */
export function fsTicket(id: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    workspace_id: 2,
    subject: `Ticket ${id}`,
    description: "<div>My laptop will not boot</div>",
    description_text: "My laptop will not boot",
    type: "Incident",
    status: 2,
    priority: 1,
    urgency: 1,
    impact: 1,
    source: 2,
    category: "Hardware",
    sub_category: "Computer",
    item_category: "Mac",
    group_id: null,
    responder_id: null,
    requester_id: 11,
    requested_for_id: 11,
    department_id: null,
    cc_emails: [],
    fwd_emails: [],
    reply_cc_emails: [],
    to_emails: null,
    custom_fields: { custom_text: null },
    attachments: [],
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:00Z",
    // A key the schema does not name: `.loose()` keeps it.
    future_field: "kept",
    ...extra,
  };
}

/** The 400 body of the reference §9 (FreshservicePS #19, LCR §7). */
export const validationBody = {
  description: "Validation failed",
  errors: [
    { field: "department_id", message: "It should be a/an Positive Integer", code: "datatype_mismatch" },
  ],
};
