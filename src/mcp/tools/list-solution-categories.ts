import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { categoryOutput, toCategoryOutput } from "../shapes/knowledge.ts";
import { READ, renderList } from "../tool-kit.ts";

export const listSolutionCategories = defineTool({
  name: "list_solution_categories",
  title: "List knowledge-base categories",
  description: [
    "List the knowledge base's top-level categories. Browse down with list_solution_folders and list_solution_articles.",
    "Use it to explore the knowledge base when a search finds nothing, or to choose where a new article belongs.",
    "Example: {}.",
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({}),
  output: z.object({ items: z.array(categoryOutput) }),
  async handler(_args, context) {
    const result = await context.freshdesk.solutions.listCategories();
    return { items: result.items.map(toCategoryOutput) };
  },
  render: (r) =>
    renderList(r.items, (c) => `#${c.id} ${c.name}${c.description ? ` — ${c.description}` : ""}`, {
      empty: "The knowledge base has no categories.",
    }),
});
