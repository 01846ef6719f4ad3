import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { contactFields, contactOutput, renderContactLine, toContactOutput } from "../shapes/people.ts";
import { CREATE } from "../tool-kit.ts";

export const createContact = defineTool({
  name: "create_contact",
  title: "Create a contact",
  description: [
    "Create a contact (customer). A name and at least one of email, phone, mobile, twitter_id or unique_external_id are required; Freshdesk refuses a duplicate email.",
    "Use it when a new customer must exist before creating a ticket for them.",
    'Example: {"name": "Ana Silva", "email": "ana@example.com", "company_id": 12}.',
  ].join(" "),
  toolset: "contacts",
  annotations: CREATE,
  input: z.object({ name: z.string().min(1), ...contactFields }),
  output: contactOutput,
  async handler(args, context) {
    if (!args.email && !args.phone && !args.mobile && !args.twitter_id && !args.unique_external_id) {
      throw new BadRequestError(
        "create_contact needs at least one of email, phone, mobile, twitter_id or unique_external_id.",
      );
    }
    return toContactOutput(await context.freshdesk.contacts.create(args));
  },
  render: (c) => `Created contact ${renderContactLine(c)}`,
});
