import { z } from "zod";
import type { Transport } from "../../freshdesk/transport.ts";
import { envelope } from "../schemas/common.ts";
import {
  type FsBusinessHours,
  type FsSlaPolicy,
  fsBusinessHoursSchema,
  fsSlaPolicySchema,
} from "../schemas/service-levels.ts";
import { allPages, laterPage, resourceId } from "./params.ts";

export function slaPoliciesApi(transport: Transport) {
  return {
    async list(): Promise<FsSlaPolicy[]> {
      return allPages(async (page) => {
        const { data, nextPage } = await transport.json(
          { method: "GET", path: "/sla_policies", query: laterPage(page) },
          envelope("sla_policies", z.array(fsSlaPolicySchema)),
        );
        return { items: data, nextPage };
      });
    },
  };
}

/** The list and the single record share the `business_hours` key [inferred from the plural name]. */
export function businessHoursApi(transport: Transport) {
  return {
    async list(): Promise<FsBusinessHours[]> {
      return allPages(async (page) => {
        const { data, nextPage } = await transport.json(
          { method: "GET", path: "/business_hours", query: laterPage(page) },
          envelope("business_hours", z.array(fsBusinessHoursSchema)),
        );
        return { items: data, nextPage };
      });
    },

    async get(id: number): Promise<FsBusinessHours> {
      const { data } = await transport.json(
        { method: "GET", path: `/business_hours/${resourceId("business hours", id)}` },
        envelope("business_hours", fsBusinessHoursSchema),
      );
      return data;
    },
  };
}

export type FsSlaPoliciesApi = ReturnType<typeof slaPoliciesApi>;
export type FsBusinessHoursApi = ReturnType<typeof businessHoursApi>;
