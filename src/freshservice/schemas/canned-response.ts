import { z } from "zod";
import { fsAttachmentSchema, id, timestamp } from "./common.ts";

export const fsCannedResponseFolderSchema = z
  .object({
    id: id,
    name: z.string(),
    /** "personal", "shared", "Custom" … [open: the DOC sample is not in the reference]. */
    type: z.string().nullish(),
    responses_count: z.number().int().nullish(),
    workspace_id: id.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

/** Read-only in the API [DOC]. `content` is plain text, `content_html` the template. */
export const fsCannedResponseSchema = z
  .object({
    id: id,
    title: z.string(),
    folder_id: id,
    content: z.string().nullish(),
    content_html: z.string().nullish(),
    workspace_id: id.nullish(),
    attachments: z.array(fsAttachmentSchema).nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsCannedResponseFolder = z.infer<typeof fsCannedResponseFolderSchema>;
export type FsCannedResponse = z.infer<typeof fsCannedResponseSchema>;
