import { z } from "zod";
import { id, idList, timestamp } from "./common.ts";

/** GET /groups/{id}: an agent group (there is no /agent_groups path) [DOC]. */
export const fsGroupSchema = z
  .object({
    id: id,
    name: z.string(),
    description: z.string().nullish(),
    workspace_id: id.nullish(),
    members: idList.nullish(),
    observers: idList.nullish(),
    leaders: idList.nullish(),
    members_pending_approval: idList.nullish(),
    observers_pending_approval: idList.nullish(),
    leaders_pending_approval: idList.nullish(),
    restricted: z.boolean().nullish(),
    approval_required: z.boolean().nullish(),
    auto_ticket_assign: z.boolean().nullish(),
    escalate_to: id.nullish(),
    /** "30m", "1h", … "3d". */
    unassigned_for: z.string().nullish(),
    business_hours_id: id.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsGroup = z.infer<typeof fsGroupSchema>;
