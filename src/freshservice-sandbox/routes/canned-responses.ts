// Canned responses (reference §6): read-only folders and responses.
import { throwIfAny } from "../../sandbox/http/errors.ts";
import { PAGING_PARAMS, pageOf, parsePaging, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import { found } from "./list-helpers.ts";

export function cannedResponseRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;
  const responsesIn = (folderId: number) =>
    [...store.cannedResponses.values()].filter((response) => response.folder_id === folderId);
  const folderView = (id: number) => {
    const folder = found(store.cannedResponseFolders, String(id));
    return { ...structuredClone(folder), responses_count: responsesIn(folder.id).length };
  };

  api.get("/canned_response_folders", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    return c.json({
      canned_response_folders: pageOf(c, [...store.cannedResponseFolders.keys()], paging).map(folderView),
    });
  });

  api.get("/canned_response_folders/:id{[0-9]+}", (c) =>
    c.json({ canned_response_folder: folderView(found(store.cannedResponseFolders, c.req.param("id")).id) }),
  );

  api.get("/canned_response_folders/:id{[0-9]+}/canned_responses", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const folder = found(store.cannedResponseFolders, c.req.param("id"));
    return c.json({
      canned_responses: pageOf(c, responsesIn(folder.id), paging).map((r) => structuredClone(r)),
    });
  });

  api.get("/canned_responses", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const rows = [...store.cannedResponses.values()].sort((a, b) => a.id - b.id);
    return c.json({ canned_responses: pageOf(c, rows, paging).map((r) => structuredClone(r)) });
  });

  api.get("/canned_responses/:id{[0-9]+}", (c) =>
    c.json({ canned_response: structuredClone(found(store.cannedResponses, c.req.param("id"))) }),
  );
}
