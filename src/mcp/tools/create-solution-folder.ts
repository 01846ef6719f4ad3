import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { folderOutput, toFolderOutput } from "../shapes/knowledge.ts";
import { CREATE, id } from "../tool-kit.ts";

export const createSolutionFolder = defineTool({
  name: "create_solution_folder",
  title: "Create a knowledge-base folder",
  description: [
    "Create a folder in a knowledge-base category, and choose who sees its articles: 1 everyone, 2 logged-in customers, 3 agents only, 4 selected companies (give company_ids).",
    "Use it before writing articles on a new topic; check list_solution_folders first so as not to duplicate one.",
    'Example: {"category_id": 43000324101, "name": "Refunds", "visibility": 1}.',
  ].join(" "),
  toolset: "solutions",
  annotations: CREATE,
  input: z.object({
    category_id: id("from list_solution_categories"),
    name: z.string().min(1).max(240),
    description: z.string().max(2000).optional(),
    visibility: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
      .default(1)
      .describe("1 all users, 2 logged-in users, 3 agents, 4 selected companies"),
    company_ids: z.array(z.number().int().positive()).optional().describe("with visibility 4"),
  }),
  output: folderOutput,
  async handler({ category_id, ...body }, context) {
    if ((body.visibility === 4) !== (body.company_ids !== undefined && body.company_ids.length > 0)) {
      throw new BadRequestError("company_ids goes with visibility 4 (selected companies), and only with it.");
    }
    return toFolderOutput(await context.freshdesk.solutions.createFolder(category_id, body));
  },
  render: (f) => `Created folder #${f.id} ${f.name}${f.visibility ? ` (visible to ${f.visibility})` : ""}.`,
});
