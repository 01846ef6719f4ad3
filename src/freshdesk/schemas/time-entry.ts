import { z } from "zod";
import { id, timestamp } from "./common.ts";

/** Reference §8.5; `time_spent` is "hh:mm". */
export const timeEntrySchema = z.object({
  id: id,
  billable: z.boolean().nullish(),
  note: z.string().nullish(),
  timer_running: z.boolean().nullish(),
  agent_id: id.nullish(),
  ticket_id: id.nullish(),
  company_id: id.nullish(),
  time_spent: z.string().nullish(),
  executed_at: timestamp.nullish(),
  start_time: timestamp.nullish(),
  created_at: timestamp,
  updated_at: timestamp.nullish(),
});

export type TimeEntry = z.infer<typeof timeEntrySchema>;
