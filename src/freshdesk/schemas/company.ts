import { z } from "zod";
import { customFields, id, stringList, timestamp } from "./common.ts";

export const companySchema = z.object({
  id: id,
  name: z.string(),
  description: z.string().nullish(),
  note: z.string().nullish(),
  domains: stringList.nullish(),
  custom_fields: customFields.nullish(),
  health_score: z.string().nullish(),
  account_tier: z.string().nullish(),
  renewal_date: z.string().nullish(),
  industry: z.string().nullish(),
  created_at: timestamp,
  updated_at: timestamp,
});

export type Company = z.infer<typeof companySchema>;
