import { z } from "zod";
import type { Page, PageOptions } from "../pagination.ts";
import { type Contact, contactSchema } from "../schemas/contact.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

export type ContactListParams = PageOptions & {
  email?: string;
  mobile?: string;
  phone?: string;
  company_id?: number;
  state?: "blocked" | "deleted" | "unverified" | "verified";
  /** Freshdesk's own spelling of this filter has a leading underscore. */
  _updated_since?: string;
};

export type ContactCreate = {
  name: string;
  email?: string;
  phone?: string;
  mobile?: string;
  twitter_id?: string;
  unique_external_id?: string;
  company_id?: number | null;
  address?: string;
  description?: string;
  job_title?: string;
  language?: string;
  time_zone?: string;
  tags?: string[];
  other_emails?: string[];
  custom_fields?: Record<string, unknown>;
};

export type ContactUpdate = Partial<ContactCreate>;

export function contactsApi(transport: Transport) {
  return {
    async get(id: number): Promise<Contact> {
      const { data } = await transport.json(
        { method: "GET", path: `/contacts/${resourceId("contact", id)}` },
        contactSchema,
      );
      return data;
    },

    async list(params: ContactListParams = {}): Promise<Page<Contact>> {
      const { page, perPage, ...filters } = params;
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/contacts", query: { ...filters, page, per_page: perPage } },
        z.array(contactSchema),
      );
      return { items: data, nextPage };
    },

    async create(body: ContactCreate): Promise<Contact> {
      const { data } = await transport.json({ method: "POST", path: "/contacts", body }, contactSchema);
      return data;
    },

    async update(id: number, body: ContactUpdate): Promise<Contact> {
      const { data } = await transport.json(
        { method: "PUT", path: `/contacts/${resourceId("contact", id)}`, body },
        contactSchema,
      );
      return data;
    },

    /** Soft delete: the contact moves to the trash and can be restored. */
    async delete(id: number): Promise<void> {
      await transport.empty({ method: "DELETE", path: `/contacts/${resourceId("contact", id)}` });
    },

    /** Permanent; `force` also erases a contact that is not in the trash yet. */
    async hardDelete(id: number, options: { force?: boolean } = {}): Promise<void> {
      await transport.empty({
        method: "DELETE",
        path: `/contacts/${resourceId("contact", id)}/hard_delete`,
        query: { force: options.force ? true : undefined },
      });
    },
  };
}

export type ContactsApi = ReturnType<typeof contactsApi>;
