import { z } from "zod";
import { id, phoneLike, timestamp } from "./common.ts";

export const agentContactSchema = z.object({
  name: z.string().nullish(),
  email: z.string().nullish(),
  active: z.boolean().nullish(),
  job_title: z.string().nullish(),
  language: z.string().nullish(),
  mobile: phoneLike.nullish(),
  phone: phoneLike.nullish(),
  time_zone: z.string().nullish(),
  last_login_at: timestamp.nullish(),
});

/** The list omits `group_ids`, `role_ids` and `skill_ids` (reference §8.3); show and /me have them. */
export const agentSchema = z.object({
  id: id,
  available: z.boolean().nullish(),
  occasional: z.boolean().nullish(),
  ticket_scope: z.number().int().nullish(),
  signature: z.string().nullish(),
  type: z.string().nullish(),
  group_ids: z.array(id).nullish(),
  role_ids: z.array(id).nullish(),
  skill_ids: z.array(id).nullish(),
  available_since: timestamp.nullish(),
  last_active_at: timestamp.nullish(),
  contact: agentContactSchema,
  created_at: timestamp,
  updated_at: timestamp,
});

export type Agent = z.infer<typeof agentSchema>;
