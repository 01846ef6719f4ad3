import { z } from "zod";
import { customFields, id, timestamp } from "./common.ts";

/** GET /changes/{id} [DOC samples; enums from EFF]. */
export const fsChangeSchema = z
  .object({
    id: id,
    workspace_id: id.nullish(),
    subject: z.string(),
    description: z.string().nullish(),
    description_text: z.string().nullish(),
    agent_id: id.nullish(),
    requester_id: id.nullish(),
    group_id: id.nullish(),
    department_id: id.nullish(),
    priority: z.number().int().nullish(),
    impact: z.number().int().nullish(),
    /** 1 Open, 2 Planning, 3 Awaiting Approval, 4 Pending Release, 5 Pending Review, 6 Closed. */
    status: z.number().int(),
    /** 1 Low … 4 Very High. */
    risk: z.number().int().nullish(),
    /** 1 Minor, 2 Standard, 3 Major, 4 Emergency. */
    change_type: z.number().int().nullish(),
    approval_status: z.number().int().nullish(),
    planned_start_date: timestamp.nullish(),
    planned_end_date: timestamp.nullish(),
    category: z.string().nullish(),
    sub_category: z.string().nullish(),
    item_category: z.string().nullish(),
    custom_fields: customFields.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

/** GET /problems/{id} [DOC]. */
export const fsProblemSchema = z
  .object({
    id: id,
    workspace_id: id.nullish(),
    subject: z.string(),
    description: z.string().nullish(),
    description_text: z.string().nullish(),
    agent_id: id.nullish(),
    requester_id: id.nullish(),
    group_id: id.nullish(),
    department_id: id.nullish(),
    priority: z.number().int().nullish(),
    impact: z.number().int().nullish(),
    /** 1 Open, 2 Change Requested, 3 Closed. */
    status: z.number().int(),
    known_error: z.boolean().nullish(),
    due_by: timestamp.nullish(),
    category: z.string().nullish(),
    sub_category: z.string().nullish(),
    item_category: z.string().nullish(),
    custom_fields: customFields.nullish(),
    /** Root cause, impact, symptoms…: each `{description, description_text}` [DOC]. */
    analysis_fields: z
      .record(
        z.string(),
        z
          .object({ description: z.string().nullish(), description_text: z.string().nullish() })
          .loose()
          .nullish(),
      )
      .nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsChange = z.infer<typeof fsChangeSchema>;
export type FsProblem = z.infer<typeof fsProblemSchema>;
