import { z } from "zod";
import { BadRequestError } from "../../../errors.ts";
import { CREATE } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import {
  renderRequesterLine,
  requesterFields,
  requesterOutput,
  toRequesterOutput,
} from "../shapes/people.ts";

export const createRequester = defineFreshserviceTool({
  name: "create_requester",
  title: "Create a requester",
  description: [
    "Add a requester (a person who can raise tickets). first_name is required, with at least one of primary_email, work_phone_number or mobile_phone_number.",
    "Use it when a ticket must be raised for someone who is not yet known; department_ids come from list_departments.",
    'Example: {"first_name": "Ana", "last_name": "Silva", "primary_email": "ana@example.org", "department_ids": [4]}.',
  ].join(" "),
  toolset: "requesters",
  annotations: CREATE,
  input: z.object({ first_name: z.string().min(1).max(255), ...requesterFields }),
  output: requesterOutput,
  async handler(args, context) {
    if (!args.primary_email && !args.work_phone_number && !args.mobile_phone_number) {
      throw new BadRequestError(
        "create_requester needs primary_email, work_phone_number or mobile_phone_number besides first_name.",
      );
    }
    const requester = await context.freshservice.requesters.create(args);
    return toRequesterOutput(requester, await fsNamesFor(context));
  },
  render: (r) => `Created requester: ${renderRequesterLine(r)}`,
});
