import { z } from "zod";
import { id, timestamp } from "./common.ts";

/** The list omits `agent_ids` (reference §8.4); show has them. */
export const groupSchema = z.object({
  id: id,
  name: z.string(),
  description: z.string().nullish(),
  escalate_to: id.nullish(),
  unassigned_for: z.string().nullish(),
  business_hour_id: id.nullish(),
  group_type: z.string().nullish(),
  auto_ticket_assign: z.union([z.boolean(), z.number()]).nullish(),
  agent_ids: z.array(id).nullish(),
  created_at: timestamp,
  updated_at: timestamp,
});

export type Group = z.infer<typeof groupSchema>;
