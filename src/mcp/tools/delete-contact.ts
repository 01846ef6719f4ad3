import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { DESTRUCTIVE, id } from "../tool-kit.ts";

export const deleteContact = defineTool({
  name: "delete_contact",
  title: "Delete a contact",
  description: [
    "Delete a contact (a customer). By default it moves to Freshdesk's trash and can be restored there; permanently: true erases it and cannot be undone.",
    "Use it only when a person asked for it, e.g. for a spam sender or a data-erasure request. Needs the admin scope.",
    'Example: {"contact_id": 43031207711} or {"contact_id": 43031207711, "permanently": true}.',
  ].join(" "),
  toolset: "contacts",
  annotations: DESTRUCTIVE,
  scope: "admin",
  input: z.object({
    contact_id: id("from search_contacts or get_contact"),
    permanently: z
      .boolean()
      .default(false)
      .describe("erase for good (GDPR erasure) instead of moving to the trash"),
  }),
  output: z.object({ contact_id: z.number(), deleted: z.boolean(), permanently: z.boolean() }),
  async handler({ contact_id, permanently }, context) {
    if (permanently) await context.freshdesk.contacts.hardDelete(contact_id, { force: true });
    else await context.freshdesk.contacts.delete(contact_id);
    return { contact_id, deleted: true, permanently };
  },
  render: (r) =>
    r.permanently
      ? `Contact ${r.contact_id} erased permanently.`
      : `Contact ${r.contact_id} moved to the trash; it can be restored in Freshdesk.`,
});
