import { z } from "zod";
import { id, READ } from "../../tool-kit.ts";
import { defineFreshserviceTool, fsNamesFor } from "../context.ts";
import { problemOutput, renderProblem, toProblemOutput } from "../shapes/problems.ts";

export const getProblem = defineFreshserviceTool({
  name: "get_problem",
  title: "Get a problem",
  description: [
    "Get one problem with its description and analysis (root cause, impact, symptoms) as plain text, names beside ids, category and due date.",
    "Use it to read what is known about a problem: a known error's workaround can answer the incidents it causes.",
    'Example: {"problem_id": 3}.',
  ].join(" "),
  toolset: "problems",
  annotations: READ,
  input: z.object({ problem_id: id("the problem's id") }),
  output: problemOutput,
  async handler(args, context) {
    const [problem, names] = await Promise.all([
      context.freshservice.problems.get(args.problem_id),
      fsNamesFor(context),
    ]);
    return toProblemOutput(problem, names, context.limits.maxBodyChars);
  },
  render: renderProblem,
});
