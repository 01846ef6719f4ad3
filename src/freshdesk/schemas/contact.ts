import { z } from "zod";
import { customFields, id, phoneLike, stringList, timestamp } from "./common.ts";

export const contactSchema = z.object({
  id: id,
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone: phoneLike.nullish(),
  mobile: phoneLike.nullish(),
  twitter_id: z.string().nullish(),
  facebook_id: z.string().nullish(),
  unique_external_id: z.string().nullish(),
  company_id: id.nullish(),
  active: z.boolean().nullish(),
  address: z.string().nullish(),
  description: z.string().nullish(),
  job_title: z.string().nullish(),
  language: z.string().nullish(),
  time_zone: z.string().nullish(),
  view_all_tickets: z.boolean().nullish(),
  deleted: z.boolean().nullish(),
  other_emails: stringList.nullish(),
  tags: stringList.nullish(),
  custom_fields: customFields.nullish(),
  created_at: timestamp,
  updated_at: timestamp,
});

export type Contact = z.infer<typeof contactSchema>;
