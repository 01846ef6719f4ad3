import { z } from "zod";
import { attachmentSchema, id, timestamp } from "./common.ts";

export const cannedResponseFolderSchema = z.object({
  id: id,
  name: z.string(),
  personal: z.boolean().nullish(),
  responses_count: z.number().int().nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
});

export const cannedResponseSchema = z.object({
  id: id,
  title: z.string(),
  folder_id: id.nullish(),
  content: z.string().nullish(),
  content_html: z.string().nullish(),
  /** The content with placeholders rendered for one ticket (`include=evaluated_response`). */
  evaluated_response: z.string().nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
});

export type CannedResponseFolder = z.infer<typeof cannedResponseFolderSchema>;
export type CannedResponse = z.infer<typeof cannedResponseSchema>;
