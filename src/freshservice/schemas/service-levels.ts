import { z } from "zod";
import { id, timestamp } from "./common.ts";

/** The DOC index names GET /sla_policies and /business_hours only; the shapes are [inferred]. */

export const fsSlaTargetSchema = z
  .object({
    priority: z.number().int(),
    escalation_enabled: z.boolean().nullish(),
    /** Seconds [inferred]. */
    respond_within: z.number().nullish(),
    resolve_within: z.number().nullish(),
    business_hours: z.boolean().nullish(),
  })
  .loose();

export const fsSlaPolicySchema = z
  .object({
    id: id,
    name: z.string(),
    description: z.string().nullish(),
    position: z.number().nullish(),
    is_default: z.boolean().nullish(),
    active: z.boolean().nullish(),
    deleted: z.boolean().nullish(),
    sla_targets: z.array(fsSlaTargetSchema).nullish(),
    applicable_to: z
      .object({
        group_ids: z.array(id).nullish(),
        department_ids: z.array(id).nullish(),
        ticket_types: z.array(z.string()).nullish(),
        sources: z.array(z.number().int()).nullish(),
      })
      .loose()
      .nullish(),
    workspace_id: id.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export const fsBusinessHoursSchema = z
  .object({
    id: id,
    name: z.string(),
    description: z.string().nullish(),
    is_default: z.boolean().nullish(),
    time_zone: z.string().nullish(),
    /** Weekday ("monday" …) → working hours; days off are absent. */
    service_desk_hours: z
      .record(
        z.string(),
        z.object({ beginning_of_workday: z.string(), end_of_workday: z.string() }).loose().nullish(),
      )
      .nullish(),
    list_of_holidays: z
      .array(z.object({ holiday_date: z.string(), holiday_name: z.string().nullish() }).loose())
      .nullish(),
    workspace_id: id.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsSlaPolicy = z.infer<typeof fsSlaPolicySchema>;
export type FsSlaTarget = z.infer<typeof fsSlaTargetSchema>;
export type FsBusinessHours = z.infer<typeof fsBusinessHoursSchema>;
