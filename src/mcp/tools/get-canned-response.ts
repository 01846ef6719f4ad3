import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { cannedResponseOutput, toCannedResponseOutput } from "../shapes/knowledge.ts";
import { id, READ } from "../tool-kit.ts";

export const getCannedResponse = defineTool({
  name: "get_canned_response",
  title: "Get a canned response",
  description: [
    "Get one canned response (saved reply template). With ticket_id, Freshdesk also fills in its placeholders (requester name, ticket number, ...) for that ticket.",
    "Use it to prepare a reply from a template; send it with reply_to_ticket after adapting it.",
    'Example: {"canned_response_id": 31, "ticket_id": 42}.',
  ].join(" "),
  toolset: "canned_responses",
  annotations: READ,
  input: z.object({
    canned_response_id: id("from list_canned_responses"),
    ticket_id: id("render the placeholders for this ticket").optional(),
  }),
  output: cannedResponseOutput,
  async handler(args, context) {
    const response = await context.freshdesk.cannedResponses.get(args.canned_response_id, {
      ...(args.ticket_id !== undefined ? { ticketId: args.ticket_id } : {}),
    });
    return toCannedResponseOutput(response, context.limits.maxBodyChars);
  },
  render: (c) => `#${c.id} ${c.title}\n\n${c.rendered_for_ticket ?? c.content_text ?? ""}`,
});
