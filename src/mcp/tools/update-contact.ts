import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { contactFields, contactOutput, renderContactLine, toContactOutput } from "../shapes/people.ts";
import { id, OVERWRITE } from "../tool-kit.ts";

export const updateContact = defineTool({
  name: "update_contact",
  title: "Update a contact",
  description: [
    "Change a contact's details; only the fields you pass change (tags and other_emails replace the whole list).",
    "Use it to fix a customer's name, company, phone or language.",
    'Example: {"contact_id": 1001, "company_id": 12, "job_title": "CTO"}.',
  ].join(" "),
  toolset: "contacts",
  annotations: OVERWRITE,
  input: z.object({
    contact_id: id("the contact's id"),
    name: z.string().min(1).optional(),
    ...contactFields,
  }),
  output: contactOutput,
  async handler({ contact_id, ...changes }, context) {
    const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(fields).length === 0)
      throw new BadRequestError("update_contact needs at least one field to change.");
    return toContactOutput(await context.freshdesk.contacts.update(contact_id, fields));
  },
  render: (c) => `Updated contact ${renderContactLine(c)}`,
});
