import { z } from "zod";
import { NotFoundError } from "../../../errors.ts";
import { id, READ } from "../../tool-kit.ts";
import { requireTriage } from "../../triage-access.ts";
import { defineFreshserviceTool } from "../context.ts";

export const getTriageResult = defineFreshserviceTool({
  name: "get_triage_result",
  title: "Get the latest triage result",
  description: [
    "Get the latest automatic triage decision for a ticket: category path, urgency, impact, priority, group and type with their confidence and reasons, suggested articles, and what was changed.",
    "Use it to explain why a ticket was categorised, prioritised or routed as it was.",
    'Example: {"ticket_id": 42}.',
  ].join(" "),
  toolset: "triage",
  annotations: READ,
  input: z.object({ ticket_id: id("the ticket's number") }),
  output: z.object({ ticket_id: z.number(), result: z.record(z.string(), z.unknown()) }),
  async handler(args, context) {
    const result = await requireTriage(context).latest(args.ticket_id);
    if (!result) throw new NotFoundError(`Ticket #${args.ticket_id} has not been triaged yet.`);
    return { ticket_id: args.ticket_id, result };
  },
  render: (r) => `Latest triage of ticket #${r.ticket_id}:\n${JSON.stringify(r.result, null, 1)}`,
});
