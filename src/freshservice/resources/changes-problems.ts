import { z } from "zod";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { type FsChange, type FsProblem, fsChangeSchema, fsProblemSchema } from "../schemas/change-problem.ts";
import { envelope } from "../schemas/common.ts";
import { type FsPageOptions, pageQuery, quoted, resourceId } from "./params.ts";

export function changesApi(transport: Transport) {
  return {
    /** `query` is a bare filter expression (`status:1 AND priority:3`); the client quotes it. */
    async list(params: FsPageOptions & { query?: string } = {}): Promise<Page<FsChange>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/changes",
          query: {
            query: params.query === undefined ? undefined : quoted("change query", params.query),
            ...pageQuery(params),
          },
        },
        envelope("changes", z.array(fsChangeSchema)),
      );
      return { items: data, nextPage };
    },

    async get(id: number): Promise<FsChange> {
      const { data } = await transport.json(
        { method: "GET", path: `/changes/${resourceId("change", id)}` },
        envelope("change", fsChangeSchema),
      );
      return data;
    },
  };
}

export function problemsApi(transport: Transport) {
  return {
    async list(params: FsPageOptions = {}): Promise<Page<FsProblem>> {
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/problems", query: pageQuery(params) },
        envelope("problems", z.array(fsProblemSchema)),
      );
      return { items: data, nextPage };
    },

    async get(id: number): Promise<FsProblem> {
      const { data } = await transport.json(
        { method: "GET", path: `/problems/${resourceId("problem", id)}` },
        envelope("problem", fsProblemSchema),
      );
      return data;
    },
  };
}

export type FsChangesApi = ReturnType<typeof changesApi>;
export type FsProblemsApi = ReturnType<typeof problemsApi>;
