import type { PriorityMatrix } from "./freshservice/priority-matrix.ts";
/**
 * The triage taxonomy: which categories exist, what they mean, where they are routed, which
 * phrases make a ticket urgent, who counts as a VIP, and how sure the classifier must be before a
 * field is changed. These are the built-in defaults; `TRIAGE_CONFIG` overrides them
 * (see triage-config.ts).
 */

export type TicketPriority = 1 | 2 | 3 | 4;

export type CategoryDefinition = {
  /** snake_case identifier; also the tag added to the ticket (see `categoryTag`). */
  name: string;
  /** Human label shown in notes. */
  label: string;
  /** What belongs here; fed to the language model and used as training text by the local model. */
  description: string;
  /** Words and phrases that strongly suggest this category. */
  keywords: string[];
  /** Name of the Freshdesk group that handles it; mapped to the account's group id at run time. */
  group: string;
  /** Freshdesk ticket type; applied only when the account has that type. */
  type: string;
};

export type VipRule = {
  companyIds: number[];
  /** Compared case-insensitively with the ticket's company name. */
  companyNames: string[];
  /**
   * A custom field of the ticket (e.g. `cf_tier`) or of its company (e.g. `account_tier`) whose
   * value marks a VIP (e.g. "VIP"); compared case-insensitively.
   */
  customField?: { name: string; values: string[] } | undefined;
};

export type ConfidenceThresholds = {
  priority: number;
  group: number;
  type: number;
  tags: number;
};

export type AgentPolicy = "none" | "round_robin";

export type Taxonomy = {
  categories: CategoryDefinition[];
  /** The category used when nothing fits or the classifier has no signal. */
  fallbackCategory: string;
  /** Phrases (case-insensitive) that make a ticket urgent: outages, data loss, security. */
  urgentSignals: string[];
  vip: VipRule;
  thresholds: ConfidenceThresholds;
  agentPolicy: AgentPolicy;
  /** Freshservice: the account's priority matrix; priority then follows urgency and impact. */
  priorityMatrix?: PriorityMatrix | undefined;
};

export const DEFAULT_TAXONOMY: Taxonomy = {
  categories: [
    {
      name: "technical_issue",
      label: "Technical issue",
      description:
        "Something is not working as expected right now: errors, outages, slowness, failing integrations, sync or connectivity problems.",
      keywords: ["error", "not working", "down", "outage", "slow", "timeout", "crash", "integration", "sync"],
      group: "Technical Support",
      type: "Incident",
    },
    {
      name: "billing_inquiry",
      label: "Billing inquiry",
      description: "Invoices, charges, refunds, payment methods, subscription plans, pricing and receipts.",
      keywords: [
        "invoice",
        "refund",
        "charge",
        "charged",
        "billing",
        "payment",
        "subscription",
        "receipt",
        "plan",
      ],
      group: "Billing",
      type: "Question",
    },
    {
      name: "feature_request",
      label: "Feature request",
      description:
        "A request for new functionality or an improvement to existing functionality; the product works but the customer wants more.",
      keywords: [
        "feature",
        "would be great",
        "please add",
        "suggestion",
        "wish",
        "could you add",
        "support for",
      ],
      group: "Product",
      type: "Feature Request",
    },
    {
      name: "bug_report",
      label: "Bug report",
      description:
        "A reproducible defect in the product: wrong results, broken buttons, incorrect calculations, steps to reproduce.",
      keywords: [
        "bug",
        "steps to reproduce",
        "reproduce",
        "broken",
        "incorrect",
        "wrong",
        "expected",
        "regression",
      ],
      group: "Engineering",
      type: "Problem",
    },
    {
      name: "account_problem",
      label: "Account problem",
      description:
        "Login, password, two-factor authentication, locked or suspended accounts, user access and permissions.",
      keywords: ["login", "log in", "password", "locked", "2fa", "two-factor", "access", "sign in", "reset"],
      group: "General Support",
      type: "Incident",
    },
    {
      name: "how_to_question",
      label: "How-to question",
      description:
        "The customer asks how to do something or where to find a setting; guidance or documentation is the answer.",
      keywords: [
        "how do i",
        "how to",
        "how can i",
        "where can i",
        "is it possible",
        "documentation",
        "guide",
      ],
      group: "General Support",
      type: "Question",
    },
    {
      name: "complaint",
      label: "Complaint",
      description:
        "The customer is unhappy with the service, support or company and expresses frustration or threatens to leave.",
      keywords: ["unacceptable", "disappointed", "frustrated", "terrible", "cancel", "complaint", "worst"],
      group: "General Support",
      type: "Problem",
    },
    {
      name: "praise",
      label: "Praise",
      description: "Thanks, compliments and positive feedback about the product or the support team.",
      keywords: ["thank you", "thanks", "great job", "love", "awesome", "amazing", "appreciate"],
      group: "General Support",
      type: "Question",
    },
    {
      name: "general",
      label: "General",
      description: "Anything that fits no other category, or where the intent is unclear.",
      keywords: [],
      group: "General Support",
      type: "Question",
    },
  ],
  fallbackCategory: "general",
  urgentSignals: [
    "production down",
    "production is down",
    "outage",
    "site is down",
    "service is down",
    "system down",
    "all users",
    "data loss",
    "lost data",
    "security breach",
    "data breach",
    "hacked",
    "cannot access anything",
    "completely down",
    // Words that only demand urgency ("urgent", "ASAP") are deliberately absent: anyone can type
    // them, including a ticket that tries to steer triage. Evidence of impact raises priority.
  ],
  // Freshdesk's account-management field `account_tier` (on the company) marks VIP customers.
  vip: { companyIds: [], companyNames: [], customField: { name: "account_tier", values: ["VIP"] } },
  thresholds: { priority: 0.6, group: 0.6, type: 0.7, tags: 0.5 },
  agentPolicy: "none",
};

/** The tag added for a category, e.g. `category:billing_inquiry`. */
export function categoryTag(category: string): string {
  return `category:${category}`;
}

/** The tag every triaged ticket receives. */
export const TRIAGED_TAG = "ai-triaged";

export function findCategory(
  taxonomy: Pick<Taxonomy, "categories">,
  name: string,
): CategoryDefinition | undefined {
  return taxonomy.categories.find((c) => c.name === name);
}

export function categoryNames(taxonomy: Pick<Taxonomy, "categories">): [string, ...string[]] {
  const names = taxonomy.categories.map((c) => c.name);
  const [first, ...rest] = names;
  if (first === undefined) throw new Error("A taxonomy must have at least one category.");
  return [first, ...rest];
}
