/**
 * Fixed Freshdesk enumerations (reference §5.4, §7). Statuses, ticket types, groups and agents
 * differ per account and come from the account directory instead.
 */

export const TICKET_SOURCES: Readonly<Record<number, string>> = {
  1: "Email",
  2: "Portal",
  3: "Phone",
  4: "Forum",
  5: "Twitter",
  6: "Facebook",
  7: "Chat",
  8: "MobiHelp",
  9: "Feedback Widget",
  10: "Outbound Email",
  11: "Ecommerce",
  12: "Bot",
  13: "Whatsapp",
};

export const DEFAULT_PRIORITIES: Readonly<Record<number, string>> = {
  1: "Low",
  2: "Medium",
  3: "High",
  4: "Urgent",
};

export const DEFAULT_STATUSES: Readonly<Record<number, string>> = {
  2: "Open",
  3: "Pending",
  4: "Resolved",
  5: "Closed",
  6: "Waiting on Customer",
  7: "Waiting on Third Party",
};

export const CONVERSATION_SOURCES: Readonly<Record<number, string>> = {
  0: "email",
  1: "form",
  2: "note",
  3: "status",
  4: "meta",
  5: "twitter",
  6: "feedback",
  7: "facebook",
  8: "forward_email",
  9: "phone",
  10: "mobihelp",
  11: "mobihelp_app_review",
  12: "ecommerce",
  13: "summary",
  14: "canned_form",
  15: "automation_rule",
  16: "automation_rule_forward",
  17: "whatsapp",
};

export const ARTICLE_STATUSES: Readonly<Record<number, string>> = { 1: "draft", 2: "published" };
export const ARTICLE_TYPES: Readonly<Record<number, string>> = { 1: "permanent", 2: "workaround" };

export const FOLDER_VISIBILITY: Readonly<Record<number, string>> = {
  1: "all users",
  2: "logged-in users",
  3: "agents",
  4: "selected companies",
  5: "bot",
  6: "contact segment",
  7: "company segment",
};
