import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { READ, renderList } from "../tool-kit.ts";

export const listCannedResponseFolders = defineTool({
  name: "list_canned_response_folders",
  title: "List canned-response folders",
  description: [
    "List the folders of canned responses (saved reply templates) with how many responses each holds.",
    "Use it to find templates; then list_canned_responses for a folder's responses.",
    "Example: {}.",
  ].join(" "),
  toolset: "canned_responses",
  annotations: READ,
  input: z.object({}),
  output: z.object({
    items: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        personal: z.boolean().optional(),
        responses_count: z.number().optional(),
      }),
    ),
  }),
  async handler(_args, context) {
    const result = await context.freshdesk.cannedResponses.listFolders();
    return {
      items: result.items.map((f) => ({
        id: f.id,
        name: f.name,
        personal: f.personal ?? undefined,
        responses_count: f.responses_count ?? undefined,
      })),
    };
  },
  render: (r) =>
    renderList(r.items, (f) => `#${f.id} ${f.name} (${f.responses_count ?? "?"} responses)`, {
      empty: "No canned-response folders.",
    }),
});
