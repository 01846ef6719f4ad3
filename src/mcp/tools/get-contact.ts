import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { contactOutput, renderContactLine, toContactOutput } from "../shapes/people.ts";
import { id, READ } from "../tool-kit.ts";

export const getContact = defineTool({
  name: "get_contact",
  title: "Get a contact",
  description: [
    "Get one contact (a customer or requester): name, emails, phones, company, job title, language, time zone, tags and custom fields.",
    "Use it to learn who raised a ticket (a ticket's requester_id is a contact id).",
    'Example: {"contact_id": 1001}.',
  ].join(" "),
  toolset: "contacts",
  annotations: READ,
  input: z.object({ contact_id: id("the contact's id") }),
  output: contactOutput,
  handler: async (args, context) => toContactOutput(await context.freshdesk.contacts.get(args.contact_id)),
  render: renderContactLine,
});
