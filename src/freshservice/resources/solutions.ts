import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import type { Page } from "../../freshdesk/pagination.ts";
import type { Transport } from "../../freshdesk/transport.ts";
import { envelope } from "../schemas/common.ts";
import {
  type FsArticle,
  type FsSearchMeta,
  type FsSolutionCategory,
  type FsSolutionFolder,
  fsArticleSchema,
  fsSearchMetaSchema,
  fsSolutionCategorySchema,
  fsSolutionFolderSchema,
} from "../schemas/solution.ts";
import { allPages, type FsPageOptions, laterPage, pageQuery, resourceId } from "./params.ts";

export type FsArticleSearchResult = { items: FsArticle[]; meta: FsSearchMeta };

export function solutionsApi(transport: Transport) {
  return {
    /** Every category of the primary workspace [DOC]. */
    async categories(): Promise<FsSolutionCategory[]> {
      return allPages(async (page) => {
        const { data, nextPage } = await transport.json(
          { method: "GET", path: "/solutions/categories", query: laterPage(page) },
          envelope("categories", z.array(fsSolutionCategorySchema)),
        );
        return { items: data, nextPage };
      });
    },

    async category(id: number): Promise<FsSolutionCategory> {
      const { data } = await transport.json(
        { method: "GET", path: `/solutions/categories/${resourceId("solution category", id)}` },
        envelope("category", fsSolutionCategorySchema),
      );
      return data;
    },

    /** Every folder of a category. */
    async folders(categoryId: number): Promise<FsSolutionFolder[]> {
      const category_id = resourceId("solution category", categoryId);
      return allPages(async (page) => {
        const { data, nextPage } = await transport.json(
          {
            method: "GET",
            path: "/solutions/folders",
            query: { category_id, ...laterPage(page) },
          },
          envelope("folders", z.array(fsSolutionFolderSchema)),
        );
        return { items: data, nextPage };
      });
    },

    async folder(id: number): Promise<FsSolutionFolder> {
      const { data } = await transport.json(
        { method: "GET", path: `/solutions/folders/${resourceId("solution folder", id)}` },
        envelope("folder", fsSolutionFolderSchema),
      );
      return data;
    },

    /** One page of a folder's articles, drafts included. */
    async articles(folderId: number, page?: number): Promise<Page<FsArticle>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: "/solutions/articles",
          query: { folder_id: resourceId("solution folder", folderId), ...pageQuery({ page }) },
        },
        envelope("articles", z.array(fsArticleSchema)),
      );
      return { items: data, nextPage };
    },

    async article(id: number): Promise<FsArticle> {
      const { data } = await transport.json(
        { method: "GET", path: `/solutions/articles/${resourceId("solution article", id)}` },
        envelope("article", fsArticleSchema),
      );
      return data;
    },

    /** Published articles only, with a `meta` block instead of a Link header [DOC]. */
    async search(term: string, options: FsPageOptions = {}): Promise<FsArticleSearchResult> {
      if (term.trim() === "") throw new BadRequestError("The search term is empty.");
      const { data } = await transport.json(
        {
          method: "GET",
          path: "/solutions/articles/search",
          query: { search_term: term.trim(), ...pageQuery(options) },
        },
        z.object({ articles: z.array(fsArticleSchema), meta: fsSearchMetaSchema }).loose(),
      );
      return { items: data.articles, meta: data.meta };
    },
  };
}

export type FsSolutionsApi = ReturnType<typeof solutionsApi>;
