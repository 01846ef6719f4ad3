import type { SeedClock } from "./clock.ts";
import { COMPANY, CONTACT } from "./ids.ts";
import type { FdCompany, FdContact } from "./types.ts";

/**
 * Company custom field that carries the customer's support tier. The triage service treats
 * companies whose `custom_fields.account_tier` is "VIP" as VIP accounts.
 */
export const VIP_COMPANY_FIELD = "account_tier";
export const VIP_COMPANY_VALUE = "VIP";

type CompanySpec = {
  id: number;
  name: string;
  description: string;
  note: string | null;
  domains: string[];
  tier: "VIP" | "Business" | "Standard";
  seats: number;
  ageDays: number;
};

const COMPANIES: CompanySpec[] = [
  {
    id: COMPANY.meridianHealth,
    name: "Meridian Health Partners",
    description: "Network of 14 outpatient clinics; schedules around 600 clinical staff in Larkspur.",
    note: "Enterprise contract with a 1-hour response commitment. Escalate outages to the team lead immediately.",
    domains: ["meridianhealth.example"],
    tier: "VIP",
    seats: 640,
    ageDays: 380,
  },
  {
    id: COMPANY.harborPine,
    name: "Harbor & Pine Outfitters",
    description: "Outdoor retail chain, 9 stores; uses Larkspur for shift planning and timesheets.",
    note: null,
    domains: ["harborpine.example"],
    tier: "Business",
    seats: 120,
    ageDays: 290,
  },
  {
    id: COMPANY.quillfeather,
    name: "Quillfeather Studio",
    description: "Small design agency tracking client projects and billable hours.",
    note: null,
    domains: ["quillfeather.example"],
    tier: "Standard",
    seats: 8,
    ageDays: 150,
  },
  {
    id: COMPANY.brightwater,
    name: "Brightwater Analytics",
    description: "Data consultancy; syncs Larkspur time entries into their own warehouse through the API.",
    note: "Heavy API user. Has asked about raising their rate limit before.",
    domains: ["brightwater.example", "brightwater-analytics.example"],
    tier: "Business",
    seats: 45,
    ageDays: 220,
  },
];

type ContactSpec = {
  id: number;
  name: string;
  email: string;
  companyId: number | null;
  jobTitle: string | null;
  phone: string | null;
  timeZone: string;
  language: string;
  tags: string[];
  ageDays: number;
};

const CONTACTS: ContactSpec[] = [
  {
    id: CONTACT.aishaRahman,
    name: "Aisha Rahman",
    email: "aisha.rahman@meridianhealth.example",
    companyId: COMPANY.meridianHealth,
    jobTitle: "IT Director",
    phone: "+1 312 555 0187",
    timeZone: "Central Time (US & Canada)",
    language: "en",
    tags: ["admin", "decision-maker"],
    ageDays: 375,
  },
  {
    id: CONTACT.gregHolloway,
    name: "Greg Holloway",
    email: "greg.holloway@meridianhealth.example",
    companyId: COMPANY.meridianHealth,
    jobTitle: "Finance Manager",
    phone: null,
    timeZone: "Central Time (US & Canada)",
    language: "en",
    tags: ["billing-contact"],
    ageDays: 360,
  },
  {
    id: CONTACT.emilyCarter,
    name: "Emily Carter",
    email: "emily.carter@harborpine.example",
    companyId: COMPANY.harborPine,
    jobTitle: "Operations Manager",
    phone: "+1 207 555 0133",
    timeZone: "Eastern Time (US & Canada)",
    language: "en",
    tags: ["admin"],
    ageDays: 288,
  },
  {
    id: CONTACT.jonasLindqvist,
    name: "Jonas Lindqvist",
    email: "jonas.lindqvist@harborpine.example",
    companyId: COMPANY.harborPine,
    jobTitle: "Store Manager",
    phone: null,
    timeZone: "Eastern Time (US & Canada)",
    language: "en",
    tags: [],
    ageDays: 200,
  },
  {
    id: CONTACT.ninaPetrova,
    name: "Nina Petrova",
    email: "nina@quillfeather.example",
    companyId: COMPANY.quillfeather,
    jobTitle: "Founder",
    phone: null,
    timeZone: "Amsterdam",
    language: "en",
    tags: ["admin"],
    ageDays: 149,
  },
  {
    id: CONTACT.rajPatel,
    name: "Raj Patel",
    email: "raj.patel@brightwater.example",
    companyId: COMPANY.brightwater,
    jobTitle: "Data Engineer",
    phone: null,
    timeZone: "London",
    language: "en",
    tags: ["api", "developer"],
    ageDays: 218,
  },
  {
    id: CONTACT.chloeDubois,
    name: "Chloé Dubois",
    email: "chloe.dubois@brightwater.example",
    companyId: COMPANY.brightwater,
    jobTitle: "Head of Operations",
    phone: null,
    timeZone: "Paris",
    language: "fr",
    tags: ["admin"],
    ageDays: 215,
  },
  {
    id: CONTACT.markSullivan,
    name: "Mark Sullivan",
    email: "mark.sullivan@mailbox.example",
    companyId: null,
    jobTitle: "Freelance photographer",
    phone: null,
    timeZone: "Dublin",
    language: "en",
    tags: [],
    ageDays: 95,
  },
  {
    id: CONTACT.anaSouza,
    name: "Ana Souza",
    email: "ana.souza@mailbox.example",
    companyId: null,
    jobTitle: null,
    phone: "+55 11 5555 0190",
    timeZone: "Brasilia",
    language: "pt-BR",
    tags: [],
    ageDays: 30,
  },
  {
    id: CONTACT.growthDeals,
    name: "Growth Deals Team",
    email: "offers@growth-deals.example",
    companyId: null,
    jobTitle: null,
    phone: null,
    timeZone: "Eastern Time (US & Canada)",
    language: "en",
    tags: [],
    ageDays: 12,
  },
];

export function buildCompanies(clock: SeedClock): FdCompany[] {
  return COMPANIES.map((company) => ({
    id: company.id,
    name: company.name,
    description: company.description,
    note: company.note,
    domains: [...company.domains],
    custom_fields: { [VIP_COMPANY_FIELD]: company.tier, seats: company.seats },
    created_at: clock.ago({ days: company.ageDays }),
    updated_at: clock.ago({ days: Math.floor(company.ageDays / 9), hours: 4 }),
  }));
}

export function buildContacts(clock: SeedClock): FdContact[] {
  return CONTACTS.map((contact) => ({
    active: true,
    address: null,
    company_id: contact.companyId,
    view_all_tickets: contact.companyId === null ? false : contact.tags.includes("admin"),
    description: null,
    email: contact.email,
    id: contact.id,
    job_title: contact.jobTitle,
    language: contact.language,
    mobile: null,
    name: contact.name,
    phone: contact.phone,
    time_zone: contact.timeZone,
    twitter_id: null,
    custom_fields: {},
    tags: [...contact.tags],
    other_emails: [],
    facebook_id: null,
    created_at: clock.ago({ days: contact.ageDays }),
    updated_at: clock.ago({ days: Math.floor(contact.ageDays / 10), hours: 2 }),
    csat_rating: null,
    preferred_source: null,
    avatar: null,
  }));
}
