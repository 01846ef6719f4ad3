import { z } from "zod";
import { id, READ } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { renderRequesterLine, requesterOutput, toRequesterOutput } from "../shapes/people.ts";

export const getRequester = defineFreshserviceTool({
  name: "get_requester",
  title: "Get a requester",
  description: [
    "Get one requester (the person a ticket is from) with emails, phones, job title, departments by name, manager and location ids.",
    "Use it to learn who is asking before answering or routing; list_requester_assets shows their devices.",
    'Example: {"requester_id": 17}.',
  ].join(" "),
  toolset: "requesters",
  annotations: READ,
  input: z.object({ requester_id: id("the requester's id (a ticket's requester_id)") }),
  output: requesterOutput,
  async handler(args, context) {
    const [requester, names] = await Promise.all([
      context.freshservice.requesters.get(args.requester_id),
      fsNamesFor(context),
    ]);
    return toRequesterOutput(requester, names);
  },
  render: renderRequesterLine,
});
