import { z } from "zod";
import { customFields, id, idList, stringList, textLike, timestamp } from "./common.ts";

/** GET /requesters/{id} [DOC]; MSP accounts call them Contacts. */
export const fsRequesterSchema = z
  .object({
    id: id,
    is_agent: z.boolean().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    job_title: z.string().nullish(),
    primary_email: z.string().nullish(),
    secondary_emails: stringList.nullish(),
    work_phone_number: textLike.nullish(),
    mobile_phone_number: textLike.nullish(),
    department_ids: idList.nullish(),
    can_see_all_tickets_from_associated_departments: z.boolean().nullish(),
    reporting_manager_id: id.nullish(),
    address: z.string().nullish(),
    time_zone: z.string().nullish(),
    time_format: z.string().nullish(),
    language: z.string().nullish(),
    location_id: id.nullish(),
    background_information: z.string().nullish(),
    custom_fields: customFields.nullish(),
    active: z.boolean().nullish(),
    has_logged_in: z.boolean().nullish(),
    external_id: z.string().nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export type FsRequester = z.infer<typeof fsRequesterSchema>;
