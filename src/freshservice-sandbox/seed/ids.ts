// Id ranges of the seeded account. Freshservice ids are plain integers; users (agents and
// requesters) share one id space, as in the product (a requester can be converted to an agent).

/** The primary (IT) workspace (DOC samples use 2). */
export const WORKSPACE_ID = 2;
export const DEPARTMENT_BASE = 21_000_010_000;
export const GROUP_BASE = 21_000_020_000;
export const AGENT_BASE = 21_000_030_000;
export const REQUESTER_BASE = 21_000_040_000;
export const HISTORY_REQUESTER_BASE = 21_000_045_000;
export const FIELD_BASE = 21_000_050_000;
export const CHOICE_BASE = 21_000_060_000;
export const KB_BASE = 21_000_070_000;
export const CANNED_BASE = 21_000_080_000;
export const CATALOG_BASE = 21_000_090_000;
export const ASSET_TYPE_BASE = 21_000_100_000;
export const ASSET_ID_BASE = 21_000_110_000;
export const BUSINESS_HOURS_ID = 21_000_120_001;
export const SLA_BASE = 21_000_130_000;
export const EMAIL_CONFIG_ID = 21_000_140_001;
/** Labelled history tickets take ids 1001…; the open demo tickets come after them. */
export const HISTORY_FIRST_ID = 1001;
export const DEMO_FIRST_ID = 2501;
export const CONVERSATION_BASE = 21_000_200_000;
export const SUPPORT_EMAIL = "itdesk@acme.freshservice.com";
export const EMAIL_DOMAIN = "acme-corp.com";
