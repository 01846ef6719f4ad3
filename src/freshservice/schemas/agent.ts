import { z } from "zod";
import { customFields, id, idList, textLike, timestamp } from "./common.ts";

/** `assignment_scope`: entire_helpdesk, member_groups, specified_groups, assigned_items [DOC]. */
export const fsAgentRoleSchema = z
  .object({ role_id: id, assignment_scope: z.string().nullish(), groups: idList.nullish() })
  .loose();

/**
 * GET /agents/{id} [DOC]. Group membership is `member_of` / `observer_of`; the old `group_ids`
 * and `role_ids` were removed in 2023.
 */
export const fsAgentSchema = z
  .object({
    id: id,
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    email: z.string().nullish(),
    occasional: z.boolean().nullish(),
    active: z.boolean().nullish(),
    job_title: z.string().nullish(),
    work_phone_number: textLike.nullish(),
    mobile_phone_number: textLike.nullish(),
    department_ids: idList.nullish(),
    reporting_manager_id: id.nullish(),
    location_id: id.nullish(),
    time_zone: z.string().nullish(),
    language: z.string().nullish(),
    scoreboard_level_id: id.nullish(),
    member_of: idList.nullish(),
    observer_of: idList.nullish(),
    member_of_pending_approval: idList.nullish(),
    observer_of_pending_approval: idList.nullish(),
    roles: z.array(fsAgentRoleSchema).nullish(),
    last_login_at: timestamp.nullish(),
    last_active_at: timestamp.nullish(),
    has_logged_in: z.boolean().nullish(),
    custom_fields: customFields.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsAgent = z.infer<typeof fsAgentSchema>;
export type FsAgentRole = z.infer<typeof fsAgentRoleSchema>;
