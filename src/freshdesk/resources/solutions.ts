import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import type { Page, PageOptions, SearchResult } from "../pagination.ts";
import {
  type SolutionArticle,
  type SolutionCategory,
  type SolutionFolder,
  type SolutionSearchHit,
  solutionArticleSchema,
  solutionCategorySchema,
  solutionFolderSchema,
  solutionSearchHitSchema,
} from "../schemas/solution.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

export type ArticleCreate = {
  title: string;
  description: string;
  /** 1 draft, 2 published. */
  status: number;
  /** 1 permanent, 2 workaround. */
  type?: number;
  tags?: string[];
  seo_data?: { meta_title?: string; meta_description?: string; meta_keywords?: string[] };
};

export type ArticleUpdate = Partial<ArticleCreate> & { agent_id?: number };

export type CategoryCreate = { name: string; description?: string; visible_in_portals?: number[] };

export type FolderCreate = {
  name: string;
  description?: string;
  /** 1 all users, 2 logged-in users, 3 agents, 4 selected companies (needs company_ids). */
  visibility: number;
  company_ids?: number[];
};

export function solutionsApi(transport: Transport) {
  const pageQuery = (options: PageOptions) => ({ page: options.page, per_page: options.perPage });

  return {
    async listCategories(): Promise<Page<SolutionCategory>> {
      const { data, nextPage } = await transport.json(
        { method: "GET", path: "/solutions/categories" },
        z.array(solutionCategorySchema),
      );
      return { items: data, nextPage };
    },

    async createCategory(body: CategoryCreate): Promise<SolutionCategory> {
      const { data } = await transport.json(
        { method: "POST", path: "/solutions/categories", body },
        solutionCategorySchema,
      );
      return data;
    },

    async createFolder(categoryId: number, body: FolderCreate): Promise<SolutionFolder> {
      const { data } = await transport.json(
        {
          method: "POST",
          path: `/solutions/categories/${resourceId("solution category", categoryId)}/folders`,
          body,
        },
        solutionFolderSchema,
      );
      return data;
    },

    async listFolders(categoryId: number, options: PageOptions = {}): Promise<Page<SolutionFolder>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: `/solutions/categories/${resourceId("category", categoryId)}/folders`,
          query: pageQuery(options),
        },
        z.array(solutionFolderSchema),
      );
      return { items: data, nextPage };
    },

    /** List items lack `description` and attachments; use getArticle for the body. */
    async listArticles(folderId: number, options: PageOptions = {}): Promise<Page<SolutionArticle>> {
      const { data, nextPage } = await transport.json(
        {
          method: "GET",
          path: `/solutions/folders/${resourceId("folder", folderId)}/articles`,
          query: pageQuery(options),
        },
        z.array(solutionArticleSchema),
      );
      return { items: data, nextPage };
    },

    async getArticle(id: number): Promise<SolutionArticle> {
      const { data } = await transport.json(
        { method: "GET", path: `/solutions/articles/${resourceId("article", id)}` },
        solutionArticleSchema,
      );
      return data;
    },

    async createArticle(folderId: number, body: ArticleCreate): Promise<SolutionArticle> {
      const { data } = await transport.json(
        { method: "POST", path: `/solutions/folders/${resourceId("folder", folderId)}/articles`, body },
        solutionArticleSchema,
      );
      return data;
    },

    async updateArticle(id: number, body: ArticleUpdate): Promise<SolutionArticle> {
      const { data } = await transport.json(
        { method: "PUT", path: `/solutions/articles/${resourceId("article", id)}`, body },
        solutionArticleSchema,
      );
      return data;
    },

    /** Freshdesk answers with a bare array; it is wrapped here like the other searches. */
    async search(term: string): Promise<SearchResult<SolutionSearchHit>> {
      if (term.trim() === "") throw new BadRequestError("The solution search term is empty.");
      const { data } = await transport.json(
        { method: "GET", path: "/search/solutions", query: { term: term.trim() } },
        z.array(solutionSearchHitSchema),
      );
      return { results: data, total: data.length };
    },
  };
}

export type SolutionsApi = ReturnType<typeof solutionsApi>;
