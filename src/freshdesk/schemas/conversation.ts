import { z } from "zod";
import { attachmentSchema, id, stringList, timestamp } from "./common.ts";

/**
 * A conversation as listed, as returned by POST notes, and as returned by POST reply: the
 * three differ in which keys they carry (reference §5.7), so only the shared core is required.
 */
export const conversationSchema = z.object({
  id: id,
  body: z.string().nullish(),
  body_text: z.string().nullish(),
  incoming: z.boolean().nullish(),
  private: z.boolean().nullish(),
  user_id: id.nullish(),
  support_email: z.string().nullish(),
  source: z.number().int().nullish(),
  category: z.number().int().nullish(),
  ticket_id: id.nullish(),
  to_emails: stringList.nullish(),
  from_email: z.string().nullish(),
  cc_emails: stringList.nullish(),
  bcc_emails: stringList.nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  created_at: timestamp,
  updated_at: timestamp.nullish(),
});

export type Conversation = z.infer<typeof conversationSchema>;
