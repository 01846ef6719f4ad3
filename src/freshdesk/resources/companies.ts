import { z } from "zod";
import type { Page, PageOptions } from "../pagination.ts";
import { type Company, companySchema } from "../schemas/company.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

export type CompanyCreate = {
  name: string;
  description?: string;
  note?: string;
  domains?: string[];
  custom_fields?: Record<string, unknown>;
  health_score?: string;
  account_tier?: string;
  renewal_date?: string;
  industry?: string;
};

export type CompanyUpdate = Partial<CompanyCreate>;

export function companiesApi(transport: Transport) {
  return {
    async get(id: number): Promise<Company> {
      const { data } = await transport.json(
        { method: "GET", path: `/companies/${resourceId("company", id)}` },
        companySchema,
      );
      return data;
    },

    async list(options: PageOptions = {}): Promise<Page<Company>> {
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/companies", query: { page: options.page, per_page: options.perPage } },
        z.array(companySchema),
      );
      return { items: data, nextPage };
    },

    async create(body: CompanyCreate): Promise<Company> {
      const { data } = await transport.json({ method: "POST", path: "/companies", body }, companySchema);
      return data;
    },

    async update(id: number, body: CompanyUpdate): Promise<Company> {
      const { data } = await transport.json(
        { method: "PUT", path: `/companies/${resourceId("company", id)}`, body },
        companySchema,
      );
      return data;
    },

    /** Permanent; the company's contacts and tickets stay, without it. */
    async delete(id: number): Promise<void> {
      await transport.empty({ method: "DELETE", path: `/companies/${resourceId("company", id)}` });
    },
  };
}

export type CompaniesApi = ReturnType<typeof companiesApi>;
