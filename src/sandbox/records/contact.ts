// New contacts, whether created through `/contacts` or implicitly as a ticket's requester.
import type { FdContact } from "../seed/types.ts";
import type { SandboxStore } from "../store.ts";

export type ContactInput = Partial<
  Pick<
    FdContact,
    | "address"
    | "company_id"
    | "view_all_tickets"
    | "description"
    | "email"
    | "job_title"
    | "language"
    | "mobile"
    | "phone"
    | "time_zone"
    | "twitter_id"
    | "custom_fields"
    | "tags"
    | "other_emails"
    | "facebook_id"
    | "other_companies"
    | "unique_external_id"
  >
> & { name: string };

export function buildContact(store: SandboxStore, input: ContactInput): FdContact {
  const now = store.stamp();
  const contact: FdContact = {
    active: false,
    address: input.address ?? null,
    company_id: input.company_id ?? null,
    view_all_tickets: input.view_all_tickets ?? false,
    description: input.description ?? null,
    email: input.email ?? null,
    id: store.nextId(),
    job_title: input.job_title ?? null,
    language: input.language ?? "en",
    mobile: input.mobile ?? null,
    name: input.name,
    phone: input.phone ?? null,
    time_zone: input.time_zone ?? "Eastern Time (US & Canada)",
    twitter_id: input.twitter_id ?? null,
    custom_fields: input.custom_fields ?? {},
    tags: input.tags ?? [],
    other_emails: input.other_emails ?? [],
    facebook_id: input.facebook_id ?? null,
    created_at: now,
    updated_at: now,
    csat_rating: null,
    preferred_source: null,
    avatar: null,
  };
  if (input.other_companies !== undefined) contact.other_companies = input.other_companies;
  if (input.unique_external_id !== undefined) contact.unique_external_id = input.unique_external_id;
  return contact;
}
