import { z } from "zod";
import { id, timestamp } from "./common.ts";

/** Reference §8.5. An agent's `role_ids` point here; the role's name tells an account admin. */
export const roleSchema = z.object({
  id: id,
  name: z.string(),
  description: z.string().nullish(),
  default: z.boolean().nullish(),
  agent_type: z.number().int().nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
});

export type Role = z.infer<typeof roleSchema>;
