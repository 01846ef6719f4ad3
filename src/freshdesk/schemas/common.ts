import { z } from "zod";

/**
 * Building blocks for response schemas. Objects strip keys they do not name (so new Freshdesk
 * fields never break parsing); fields that Freshdesk omits in some variants (list vs show,
 * create vs update) are optional.
 */

export const id = z.number().int();
export const timestamp = z.string();
/** Phone numbers arrive as strings in v2 but as numbers in older samples. */
export const phoneLike = z.union([z.string(), z.number()]).transform(String);
export const stringList = z.array(z.string());
export const customFields = z.record(z.string(), z.unknown());

export const attachmentSchema = z.object({
  id: id,
  name: z.string(),
  content_type: z.string().nullish(),
  size: z.number().nullish(),
  attachment_url: z.string().nullish(),
  created_at: timestamp.nullish(),
  updated_at: timestamp.nullish(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** `/search/*` envelope; `/search/solutions` is a bare array and is wrapped by the client. */
export function searchEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ results: z.array(item), total: z.number().int() });
}
