import { z } from "zod";
import { id, timestamp } from "./common.ts";

/**
 * GET /roles [DOC: the reference names the endpoint only]. The fields beyond `id` and `name`
 * are [inferred] from Freshservice's admin pages (a description, whether it is a built-in role,
 * the per-module scopes); an agent's `roles[].role_id` points here.
 */
export const fsRoleSchema = z
  .object({
    id: id,
    name: z.string(),
    description: z.string().nullish(),
    default: z.boolean().nullish(),
    scopes: z.record(z.string(), z.unknown()).nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsRole = z.infer<typeof fsRoleSchema>;
