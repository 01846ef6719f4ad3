import { z } from "zod";
import { fsAttachmentSchema, id, stringList, timestamp } from "./common.ts";

/** A conversation as listed, and as POST notes / POST reply / PUT conversation answer [DOC]. */
export const fsConversationSchema = z
  .object({
    id: id,
    body: z.string().nullish(),
    body_text: z.string().nullish(),
    incoming: z.boolean().nullish(),
    private: z.boolean().nullish(),
    user_id: id.nullish(),
    ticket_id: id.nullish(),
    support_email: z.string().nullish(),
    /** 0 email, 1 form, 2 note, 3 status, 4 meta, 5 feedback, 6 forward_email [DOC]. */
    source: z.number().int().nullish(),
    from_email: z.string().nullish(),
    to_emails: stringList.nullish(),
    cc_emails: stringList.nullish(),
    bcc_emails: stringList.nullish(),
    attachments: z.array(fsAttachmentSchema).nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsConversation = z.infer<typeof fsConversationSchema>;

/** GET /tickets/{id}/activities entries (latest 20) [DOC]. */
export const fsActivitySchema = z
  .object({
    actor: z.object({ id: id.nullish(), name: z.string().nullish() }).loose().nullish(),
    content: z.string().nullish(),
    sub_contents: stringList.nullish(),
    created_at: timestamp.nullish(),
  })
  .loose();

export type FsActivity = z.infer<typeof fsActivitySchema>;
