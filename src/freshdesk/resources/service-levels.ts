import { z } from "zod";
import type { Page } from "../pagination.ts";
import { type BusinessHours, businessHoursSchema } from "../schemas/business-hours.ts";
import { type SlaPolicy, slaPolicySchema } from "../schemas/sla-policy.ts";
import type { Transport } from "../transport.ts";

export function slaPoliciesApi(transport: Transport) {
  return {
    async list(): Promise<Page<SlaPolicy>> {
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/sla_policies" },
        z.array(slaPolicySchema),
      );
      return { items: data, nextPage };
    },
  };
}

export function businessHoursApi(transport: Transport) {
  return {
    async list(): Promise<Page<BusinessHours>> {
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/business_hours" },
        z.array(businessHoursSchema),
      );
      return { items: data, nextPage };
    },
  };
}

export type SlaPoliciesApi = ReturnType<typeof slaPoliciesApi>;
export type BusinessHoursApi = ReturnType<typeof businessHoursApi>;
