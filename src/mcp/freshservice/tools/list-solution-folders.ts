import { z } from "zod";
import { id, READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { solutionFolderOutput, toSolutionFolderOutput } from "../shapes/solutions.ts";

export const listSolutionFolders = defineFreshserviceTool({
  name: "list_solution_folders",
  title: "List knowledge-base folders",
  description: [
    "List the folders of one knowledge-base category, with who can see their articles.",
    "Use it to browse the knowledge base; then list_solution_articles for a folder's articles.",
    'Example: {"category_id": 3}.',
  ].join(" "),
  toolset: "solutions",
  annotations: READ,
  input: z.object({ category_id: id("from list_solution_categories") }),
  output: z.object({ items: z.array(solutionFolderOutput) }),
  async handler(args, context) {
    const folders = await context.freshservice.solutions.folders(args.category_id);
    return { items: folders.map((f) => toSolutionFolderOutput(f)) };
  },
  render: (r) =>
    renderList(r.items, (f) => `#${f.id} ${f.name}${f.visibility ? ` (visible to ${f.visibility})` : ""}`, {
      empty: "No folders in this category.",
    }),
});
