import { z } from "zod";
import { BadRequestError } from "../../../errors.ts";
import { cursorArgument, id, READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { assetOutput, loadAssetNames, renderAssetLine, toAssetOutput } from "../shapes/assets.ts";

export const listRequesterAssets = defineFreshserviceTool({
  name: "list_requester_assets",
  title: "List a requester's assets",
  description: [
    "List the assets (laptop, monitor, phone, …) assigned to one requester, by the requester's id (a ticket's requester_id); one API call for 30 assets.",
    'Use it when a ticket says "my laptop" or "my phone", to name the device it is about before triaging or answering.',
    'Example: {"requester_id": 1201}.',
  ].join(" "),
  toolset: "assets",
  annotations: READ,
  input: z.object({
    requester_id: id("the requester, e.g. a ticket's requester_id").optional(),
    cursor: cursorArgument,
  }),
  output: z.object({
    requester_id: z.number(),
    items: z.array(assetOutput),
    next_cursor: z.string().optional(),
  }),
  async handler(q, context, paging) {
    if (q.requester_id === undefined) {
      throw new BadRequestError(
        "list_requester_assets needs requester_id (or a cursor from a previous call).",
      );
    }
    // The asset filter matches the user an asset is assigned to by user_id [reference §7].
    const [page, names] = await Promise.all([
      context.freshservice.assets.list({ page: paging.page, filter: `user_id:${q.requester_id}` }),
      loadAssetNames(context.directory, context.logger),
    ]);
    return {
      requester_id: q.requester_id,
      items: page.items.map((a) => toAssetOutput(a, names, 300)),
      next_cursor: paging.next(page.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderAssetLine, {
      empty: `Requester ${r.requester_id} has no assets assigned.`,
      nextCursor: r.next_cursor,
    }),
});
