import { z } from "zod";
import { id, READ } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import {
  cannedResponseOutput,
  renderCannedResponseLine,
  toCannedResponseOutput,
} from "../shapes/canned-responses.ts";

export const getCannedResponse = defineFreshserviceTool({
  name: "get_canned_response",
  title: "Get a canned response",
  description: [
    "Get one canned response (saved reply template) with its whole text. Placeholders such as {{ticket.requester.name}} are left as they are: fill them in yourself before replying.",
    "Use it to prepare a reply from a template; send it with reply_to_ticket after adapting it.",
    'Example: {"canned_response_id": 31}.',
  ].join(" "),
  toolset: "canned_responses",
  annotations: READ,
  input: z.object({ canned_response_id: id("from list_canned_responses") }),
  output: cannedResponseOutput,
  async handler(args, context) {
    const response = await context.freshservice.cannedResponses.get(args.canned_response_id);
    return toCannedResponseOutput(response, context.limits.maxBodyChars);
  },
  render: (c) => `${renderCannedResponseLine(c)}\n\n${c.content_text ?? ""}`,
});
