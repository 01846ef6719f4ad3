import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { id, textToHtml } from "../tool-kit.ts";

export const mergeTickets = defineTool({
  name: "merge_tickets",
  title: "Merge duplicate tickets",
  description: [
    "Merge duplicate tickets into one primary ticket: Freshdesk closes each ticket in ticket_ids and adds a note to it pointing at the primary, and adds a note to the primary.",
    "Use it when the same customer problem arrived as several tickets and a person agreed to merge them; it cannot be undone.",
    "Notes are private unless notes_private is false; add_requesters_as_cc copies the other requesters into the primary's cc.",
    'Example: {"primary_id": 42, "ticket_ids": [43, 47], "note_in_primary": "Merged the follow-ups from the same customer."}.',
  ].join(" "),
  toolset: "tickets",
  // Closes the secondary tickets for good: a second call finds them already merged.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  input: z.object({
    primary_id: id("the ticket that stays open and receives the others"),
    ticket_ids: z
      .array(z.number().int().positive())
      .min(1)
      .max(100)
      .describe("the duplicates to close into it"),
    note_in_primary: z.string().min(1).optional().describe("note added to the primary ticket"),
    note_in_secondary: z.string().min(1).optional().describe("note added to each closed ticket"),
    notes_private: z.boolean().default(true),
    add_requesters_as_cc: z.boolean().default(false),
  }),
  output: z.object({ primary_id: z.number(), merged_ids: z.array(z.number()) }),
  async handler(args, context) {
    const duplicates = [...new Set(args.ticket_ids)];
    const note = (body: string | undefined) =>
      body === undefined ? undefined : { body: textToHtml(body), private: args.notes_private };
    const inPrimary = note(args.note_in_primary);
    const inSecondary = note(args.note_in_secondary);
    await context.freshdesk.tickets.merge({
      primary_id: args.primary_id,
      ticket_ids: duplicates,
      ...(inPrimary ? { note_in_primary: inPrimary } : {}),
      ...(inSecondary ? { note_in_secondary: inSecondary } : {}),
      convert_recepients_to_cc: args.add_requesters_as_cc,
    });
    return { primary_id: args.primary_id, merged_ids: duplicates };
  },
  render: (r) =>
    `Merged ${r.merged_ids.map((n) => `#${n}`).join(", ")} into #${r.primary_id}; the merged tickets are closed.`,
});
