import { z } from "zod";
import { id, READ } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { changeOutput, renderChange, toChangeOutput } from "../shapes/changes.ts";

export const getChange = defineFreshserviceTool({
  name: "get_change",
  title: "Get a change",
  description: [
    "Get one change with its description as plain text, names beside ids (status, priority, impact, risk, type, group, agent, department), category and planned window.",
    "Use it to read the plan of a change an incident may relate to.",
    'Example: {"change_id": 7}.',
  ].join(" "),
  toolset: "changes",
  annotations: READ,
  input: z.object({ change_id: id("the change's id") }),
  output: changeOutput,
  async handler(args, context) {
    const [change, names] = await Promise.all([
      context.freshservice.changes.get(args.change_id),
      fsNamesFor(context),
    ]);
    return toChangeOutput(change, names, context.limits.maxBodyChars);
  },
  render: renderChange,
});
