import { z } from "zod";
import { BadRequestError } from "../../../errors.ts";
import { id, OVERWRITE } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import {
  renderRequesterLine,
  requesterFields,
  requesterOutput,
  toRequesterOutput,
} from "../shapes/people.ts";

export const updateRequester = defineFreshserviceTool({
  name: "update_requester",
  title: "Update a requester",
  description: [
    "Change a requester's details: name, emails, phones, job title, departments, manager, location, language or custom fields. Only the fields you pass change;",
    "lists such as department_ids and secondary_emails are replaced whole.",
    'Example: {"requester_id": 17, "job_title": "Team lead", "department_ids": [4, 6]}.',
  ].join(" "),
  toolset: "requesters",
  annotations: OVERWRITE,
  input: z.object({
    requester_id: id("the requester's id"),
    first_name: z.string().min(1).max(255).optional(),
    ...requesterFields,
  }),
  output: requesterOutput,
  async handler({ requester_id, ...changes }, context) {
    if (Object.values(changes).every((v) => v === undefined)) {
      throw new BadRequestError("update_requester needs at least one field to change besides requester_id.");
    }
    const requester = await context.freshservice.requesters.update(requester_id, changes);
    return toRequesterOutput(requester, await fsNamesFor(context));
  },
  render: (r) => `Updated requester: ${renderRequesterLine(r)}`,
});
