import { z } from "zod";
import { id, timestamp } from "./common.ts";

/**
 * A customer's answer to the satisfaction survey. `ratings` maps each question to a value from
 * 103 (extremely happy) through 100 (neutral) to -103 (extremely unhappy).
 */
export const satisfactionRatingSchema = z.object({
  id: id,
  survey_id: id.nullish(),
  user_id: id.nullish(),
  agent_id: id.nullish(),
  group_id: id.nullish(),
  ticket_id: id.nullish(),
  feedback: z.string().nullish(),
  ratings: z.record(z.string(), z.number()).nullish(),
  created_at: timestamp,
  updated_at: timestamp.nullish(),
});

export type SatisfactionRating = z.infer<typeof satisfactionRatingSchema>;
