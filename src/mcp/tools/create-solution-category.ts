import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { categoryOutput, toCategoryOutput } from "../shapes/knowledge.ts";
import { CREATE } from "../tool-kit.ts";

export const createSolutionCategory = defineTool({
  name: "create_solution_category",
  title: "Create a knowledge-base category",
  description: [
    'Create a top-level knowledge-base category (e.g. "Billing"), to hold folders of articles.',
    "Use it when a person sets up a new section of the knowledge base; check list_solution_categories first so as not to duplicate one.",
    'Example: {"name": "Integrations", "description": "Connecting Larkspur to other tools."}.',
  ].join(" "),
  toolset: "solutions",
  annotations: CREATE,
  input: z.object({
    name: z.string().min(1).max(240),
    description: z.string().max(2000).optional(),
  }),
  output: categoryOutput,
  async handler(args, context) {
    return toCategoryOutput(await context.freshdesk.solutions.createCategory(args));
  },
  render: (c) => `Created category #${c.id} ${c.name}.`,
});
