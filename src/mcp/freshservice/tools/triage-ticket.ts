import { z } from "zod";
import { id } from "../../tool-kit.ts";
import { requireTriage } from "../../triage-access.ts";
import { defineFreshserviceTool } from "../context.ts";

export const triageTicket = defineFreshserviceTool({
  name: "triage_ticket",
  title: "Triage a ticket now",
  description: [
    "Run the automatic triage on one ticket: decide its category path, urgency, impact, priority, agent group and type, look for knowledge-base answers and the requester's assets, and explain it all in one private note.",
    'mode "dry-run" (the default) only previews the decision and writes nothing; "suggest" writes the note but changes no fields; "apply" also updates the fields whose confidence is high enough.',
    'Example: {"ticket_id": 42} to preview, {"ticket_id": 42, "mode": "apply"} to apply.',
  ].join(" "),
  toolset: "triage",
  // "apply" overwrites category, urgency, impact, priority, group and type, and every run adds a note.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  input: z.object({
    ticket_id: id("the ticket's number"),
    mode: z.enum(["dry-run", "suggest", "apply"]).default("dry-run"),
  }),
  output: z.object({
    ticket_id: z.number(),
    mode: z.string(),
    result: z.record(z.string(), z.unknown()).describe("the pipeline's decision and what it changed"),
  }),
  async handler(args, context) {
    const result = await requireTriage(context).run(args.ticket_id, { mode: args.mode });
    return { ticket_id: args.ticket_id, mode: args.mode, result };
  },
  render: (r) => `Triage of ticket #${r.ticket_id} (${r.mode}):\n${JSON.stringify(r.result, null, 1)}`,
});
