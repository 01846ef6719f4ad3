// Fixed ids of the seeded account. Freshdesk ids other than the ticket display id are large
// account-scoped integers; agents and contacts share one user id space.

export const GROUP = {
  technicalSupport: 43000560411,
  billing: 43000560412,
  engineering: 43000560437,
  product: 43000560438,
  generalSupport: 43000560402,
} as const;

export const AGENT = {
  mayaChen: 43026449322,
  danielOkafor: 43026451877,
  sofiaAlvarez: 43026452230,
  tomBecker: 43026455019,
  priyaRaman: 43026461184,
  lucasMoreau: 43026463702,
} as const;

export const COMPANY = {
  meridianHealth: 43000871205,
  harborPine: 43000871377,
  quillfeather: 43000872014,
  brightwater: 43000873561,
} as const;

export const CONTACT = {
  aishaRahman: 43031207711,
  gregHolloway: 43031207958,
  emilyCarter: 43031210346,
  jonasLindqvist: 43031210512,
  ninaPetrova: 43031214470,
  rajPatel: 43031219025,
  chloeDubois: 43031219388,
  markSullivan: 43031224617,
  anaSouza: 43031226903,
  growthDeals: 43031230114,
} as const;

export const ROLE = {
  accountAdmin: 43000023601,
  admin: 43000023602,
  supervisor: 43000023603,
  agent: 43000023604,
} as const;

export const BUSINESS_HOURS_ID = 43000019870;
export const SLA_POLICY_ID = 43000034512;
export const EMAIL_CONFIG_ID = 43000093015;

export const SOLUTION_CATEGORY = {
  billing: 43000324101,
  account: 43000324102,
  technical: 43000324103,
  howTo: 43000324104,
} as const;

export const SOLUTION_FOLDER = {
  paymentsInvoices: 43000512201,
  plansSubscriptions: 43000512202,
  signInSecurity: 43000512211,
  accountManagement: 43000512212,
  apiWebhooks: 43000512221,
  integrations: 43000512222,
  troubleshooting: 43000512223,
  teamSetup: 43000512231,
  reportsData: 43000512232,
} as const;

export const CANNED_FOLDER = {
  general: 43000061870,
  billing: 43000061871,
  technical: 43000061872,
} as const;

/** First id of each generated sequence; items get `base + index * stride`. */
export const SEQUENCE = {
  conversation: { base: 43145028811, stride: 137 },
  article: { base: 43000655010, stride: 1 },
  cannedResponse: { base: 43000107720, stride: 1 },
  ticketField: { base: 43000391201, stride: 1 },
  timeEntry: { base: 43000278301, stride: 3 },
  satisfactionRating: { base: 43000187401, stride: 5 },
} as const;

/** The account's customer-satisfaction survey. */
export const SURVEY_ID = 43000002218;

export function sequenceId(sequence: { base: number; stride: number }, index: number): number {
  return sequence.base + index * sequence.stride;
}
