import { z } from "zod";
import { customFields, id, stringList, timestamp } from "./common.ts";

/** GET /departments/{id} [DOC]; Companies in MSP mode. */
export const fsDepartmentSchema = z
  .object({
    id: id,
    name: z.string(),
    description: z.string().nullish(),
    head_user_id: id.nullish(),
    prime_user_id: id.nullish(),
    domains: stringList.nullish(),
    custom_fields: customFields.nullish(),
    workspace_id: id.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsDepartment = z.infer<typeof fsDepartmentSchema>;
