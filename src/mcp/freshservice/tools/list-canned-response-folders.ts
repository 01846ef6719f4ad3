import { z } from "zod";
import { READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { cannedResponseFolderOutput, toCannedResponseFolderOutput } from "../shapes/canned-responses.ts";

export const listCannedResponseFolders = defineFreshserviceTool({
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
  output: z.object({ items: z.array(cannedResponseFolderOutput) }),
  async handler(_args, context) {
    const folders = await context.freshservice.cannedResponses.folders();
    return { items: folders.map(toCannedResponseFolderOutput) };
  },
  render: (r) =>
    renderList(
      r.items,
      (f) => `#${f.id} ${f.name}${f.type ? ` [${f.type}]` : ""} (${f.responses_count ?? "?"} responses)`,
      { empty: "No canned-response folders." },
    ),
});
