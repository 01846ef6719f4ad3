import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { renderTimeEntryLine, timeEntryOutput, toTimeEntryOutput } from "../shapes/work.ts";
import { CREATE, id, namesFor } from "../tool-kit.ts";

export const createTimeEntry = defineTool({
  name: "create_time_entry",
  title: "Log time on a ticket",
  description: [
    "Log time spent on a ticket, as yourself (the agent this connection acts as) unless agent_id names another agent.",
    'Use it when a person asks to record work done, e.g. a call or an investigation. time_spent is hours and minutes, "hh:mm".',
    'Example: {"ticket_id": 42, "time_spent": "00:45", "note": "Phone call with the customer", "billable": true}.',
  ].join(" "),
  toolset: "tickets",
  annotations: CREATE,
  input: z.object({
    ticket_id: id("the ticket's number"),
    time_spent: z
      .string()
      .regex(/^\d{2}:[0-5]\d$/, 'use "hh:mm", e.g. "01:30"')
      .describe('"hh:mm"'),
    note: z.string().max(2000).optional(),
    billable: z.boolean().default(true),
    agent_id: id("log the time for this agent instead of yourself").optional(),
    executed_at: z.iso.datetime().optional().describe("when the work was done (default now)"),
  }),
  output: timeEntryOutput,
  async handler({ ticket_id, ...body }, context) {
    const entry = await context.freshdesk.timeEntries.create(ticket_id, { ...body, timer_running: false });
    return toTimeEntryOutput(entry, await namesFor(context));
  },
  render: (e) => `Logged ${renderTimeEntryLine(e)}`,
});
