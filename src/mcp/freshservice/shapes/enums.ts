/**
 * Freshservice's fixed enumerations (reference §2, §3). The account's own ticket form fields
 * override the names of statuses, priorities, urgencies, impacts and sources; these are the
 * fallbacks when they cannot be read.
 */

export const FS_STATUSES: Readonly<Record<number, string>> = {
  2: "Open",
  3: "Pending",
  4: "Resolved",
  5: "Closed",
};

export const FS_PRIORITIES: Readonly<Record<number, string>> = {
  1: "Low",
  2: "Medium",
  3: "High",
  4: "Urgent",
};

/** Urgency and impact share one scale. */
export const FS_LEVELS: Readonly<Record<number, string>> = { 1: "Low", 2: "Medium", 3: "High" };

export const FS_SOURCES: Readonly<Record<number, string>> = {
  1: "Email",
  2: "Portal",
  3: "Phone",
  4: "Chat",
  5: "Feedback widget",
  6: "Yammer",
  7: "AWS Cloudwatch",
  8: "Pagerduty",
  9: "Walkup",
  10: "Slack",
  11: "Chatbot",
  12: "Workplace",
  13: "Employee Onboarding",
  14: "Alerts",
  15: "MS Teams",
  18: "Employee Offboarding",
};

/** A conversation's `source` (§3); differs from Freshdesk's from 5 on. */
export const FS_CONVERSATION_SOURCES: Readonly<Record<number, string>> = {
  0: "email",
  1: "form",
  2: "note",
  3: "status",
  4: "meta",
  5: "feedback",
  6: "forward_email",
};
