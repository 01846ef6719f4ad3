import { z } from "zod";
import { id, READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import {
  cannedResponseOutput,
  renderCannedResponseLine,
  toCannedResponseOutput,
} from "../shapes/canned-responses.ts";

/** Enough of each template to choose one; get_canned_response has the whole text. */
const EXCERPT_CHARS = 400;

export const listCannedResponses = defineFreshserviceTool({
  name: "list_canned_responses",
  title: "List canned responses",
  description: [
    "List canned responses (saved reply templates) with their folder and the start of their text; with folder_id only that folder's, without it every one you can see.",
    "Use it to find a ready-made answer; read one in full with get_canned_response, adapt it, then send it with reply_to_ticket.",
    'Example: {"folder_id": 2}.',
  ].join(" "),
  toolset: "canned_responses",
  annotations: READ,
  input: z.object({ folder_id: id("from list_canned_response_folders").optional() }),
  output: z.object({ items: z.array(cannedResponseOutput) }),
  async handler(args, context) {
    const api = context.freshservice.cannedResponses;
    const [responses, folders] = await Promise.all([
      args.folder_id === undefined ? api.list() : api.inFolder(args.folder_id),
      api.folders(),
    ]);
    const folderName = new Map(folders.map((f) => [f.id, f.name]));
    return {
      items: responses.map((r) => toCannedResponseOutput(r, EXCERPT_CHARS, folderName.get(r.folder_id))),
    };
  },
  render: (r) => renderList(r.items, renderCannedResponseLine, { empty: "No canned responses here." }),
});
