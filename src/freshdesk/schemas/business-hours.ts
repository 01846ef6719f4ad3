import { z } from "zod";
import { id, timestamp } from "./common.ts";

export const businessHoursSchema = z.object({
  id: id,
  name: z.string(),
  description: z.string().nullish(),
  is_default: z.boolean().nullish(),
  time_zone: z.string().nullish(),
  business_hours: z.record(z.string(), z.object({ start_time: z.string(), end_time: z.string() })).nullish(),
  holiday_list: z.array(z.unknown()).nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
});

export type BusinessHours = z.infer<typeof businessHoursSchema>;
