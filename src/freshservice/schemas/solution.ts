import { z } from "zod";
import { id, stringList, timestamp } from "./common.ts";

export const fsSolutionCategorySchema = z
  .object({
    id: id,
    name: z.string(),
    description: z.string().nullish(),
    position: z.number().nullish(),
    default_category: z.boolean().nullish(),
    workspace_id: id.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

export const fsSolutionFolderSchema = z
  .object({
    id: id,
    name: z.string(),
    description: z.string().nullish(),
    position: z.number().nullish(),
    default_folder: z.boolean().nullish(),
    category_id: id.nullish(),
    /** 1 All, 2 Logged-in users, 3 Agents only, 4 Departments, 5 Agent groups, 6 Contact groups [DOC]. */
    visibility: z.number().int().nullish(),
    workspace_id: id.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

/** A knowledge-base article, as listed, shown and found by search [DOC]. */
export const fsArticleSchema = z
  .object({
    id: id,
    title: z.string(),
    description: z.string().nullish(),
    description_text: z.string().nullish(),
    /** 1 draft, 2 published. */
    status: z.number().int(),
    /** 1 permanent, 2 workaround. */
    article_type: z.number().int().nullish(),
    folder_id: id.nullish(),
    category_id: id.nullish(),
    position: z.number().nullish(),
    approval_status: z.number().int().nullish(),
    thumbs_up: z.number().nullish(),
    thumbs_down: z.number().nullish(),
    views: z.number().nullish(),
    agent_id: id.nullish(),
    keywords: stringList.nullish(),
    tags: stringList.nullish(),
    url: z.string().nullish(),
    review_date: timestamp.nullish(),
    inserted_into_tickets: z.number().nullish(),
    workspace_id: id.nullish(),
    created_at: timestamp.nullish(),
    updated_at: timestamp.nullish(),
  })
  .loose();

/** The `meta` block of /solutions/articles/search [DOC]. */
export const fsSearchMetaSchema = z
  .object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    current_page: z.number().int(),
  })
  .loose();

export type FsSolutionCategory = z.infer<typeof fsSolutionCategorySchema>;
export type FsSolutionFolder = z.infer<typeof fsSolutionFolderSchema>;
export type FsArticle = z.infer<typeof fsArticleSchema>;
export type FsSearchMeta = z.infer<typeof fsSearchMetaSchema>;
