import { z } from "zod";
import { id, timestamp } from "./common.ts";

/** Targets are in seconds (reference §8.7). */
export const slaTargetSchema = z.object({
  respond_within: z.number().nullish(),
  resolve_within: z.number().nullish(),
  next_respond_within: z.number().nullish(),
  business_hours: z.boolean().nullish(),
  escalation_enabled: z.boolean().nullish(),
});

export const slaPolicySchema = z.object({
  id: id,
  name: z.string(),
  description: z.string().nullish(),
  active: z.boolean().nullish(),
  is_default: z.boolean().nullish(),
  position: z.number().int().nullish(),
  sla_target: z.record(z.string(), slaTargetSchema).nullish(),
  applicable_to: z.record(z.string(), z.unknown()).nullish(),
  escalation: z.record(z.string(), z.unknown()).nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
});

export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export type SlaTarget = z.infer<typeof slaTargetSchema>;
