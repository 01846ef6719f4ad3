import { z } from "zod";
import { READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { solutionCategoryOutput, toSolutionCategoryOutput } from "../shapes/solutions.ts";

export const listSolutionCategories = defineFreshserviceTool({
  name: "list_solution_categories",
  title: "List knowledge-base categories",
  description: [
    "List the knowledge base's top-level categories. Browse down with list_solution_folders and list_solution_articles.",
    "Use it to explore the knowledge base when search_solutions finds nothing, or to see what it covers.",
    "Example: {}.",
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({}),
  output: z.object({ items: z.array(solutionCategoryOutput) }),
  async handler(_args, context) {
    const categories = await context.freshservice.solutions.categories();
    return { items: categories.map(toSolutionCategoryOutput) };
  },
  render: (r) =>
    renderList(r.items, (c) => `#${c.id} ${c.name}${c.description ? ` — ${c.description}` : ""}`, {
      empty: "The knowledge base has no categories.",
    }),
});
