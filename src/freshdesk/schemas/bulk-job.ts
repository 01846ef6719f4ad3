import { z } from "zod";
import { id } from "./common.ts";

/** The answer to a bulk action: a job to poll (reference §5.6.1). */
export const bulkJobStartSchema = z.object({ job_id: z.string(), href: z.string().nullish() });

const jobErrorSchema = z.object({
  field: z.string().nullish(),
  nested_field: z.string().nullish(),
  message: z.string().nullish(),
  code: z.string().nullish(),
});

/** `GET /jobs/{id}`; `succeeded`/`failed` as in Freshdesk's bulk partial success (reference §2.6). */
export const bulkJobSchema = z.object({
  id: z.string(),
  status: z.string(),
  action: z.string().nullish(),
  progress: z.number().nullish(),
  succeeded: z.array(id).nullish(),
  failed: z.array(z.object({ id: id, errors: z.array(jobErrorSchema).nullish() })).nullish(),
});

export type BulkJobStart = z.infer<typeof bulkJobStartSchema>;
export type BulkJob = z.infer<typeof bulkJobSchema>;
