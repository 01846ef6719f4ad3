import { z } from "zod";
import { id, timestamp } from "../../freshdesk/schemas/common.ts";

/**
 * Building blocks for Freshservice response schemas. Objects are `.loose()`: keys we do not name
 * pass through untouched, so fields Freshservice adds (or workspaces and plans add) never break
 * parsing. Freshservice sends blank fields as `null` [DOC schema], and list, show and embedded
 * variants differ, so everything beyond the identity of a record is `.nullish()`.
 */

// The same primitives as Freshdesk's. Timestamps are UTC `YYYY-MM-DDTHH:MM:SSZ` per the docs, but
// samples also show offsets and milliseconds, so they stay strings. Custom fields are keyed by the
// field's `name`, without Freshdesk's `cf_` prefix [DOC samples].
export { customFields, id, stringList, timestamp } from "../../freshdesk/schemas/common.ts";

export const idList = z.array(id);
/** Choice values and such: strings in every sample; numbers are read as text [inferred]. */
export const textLike = z.union([z.string(), z.number()]).transform(String);

export const fsAttachmentSchema = z
  .object({
    id: id,
    name: z.string().nullish(),
    content_type: z.string().nullish(),
    size: z.number().nullish(),
    attachment_url: z.string().nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();
export type FsAttachment = z.infer<typeof fsAttachmentSchema>;

/** `{"<key>": value}`, Freshservice's envelope around every answer, unwrapped. */
export function envelope<S extends z.ZodType>(key: string, schema: S) {
  return z
    .object({ [key]: schema } as Record<string, S>)
    .loose()
    .transform((body) => body[key] as z.output<S>);
}
