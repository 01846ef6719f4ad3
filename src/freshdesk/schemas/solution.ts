import { z } from "zod";
import { attachmentSchema, id, stringList, timestamp } from "./common.ts";

export const solutionCategorySchema = z.object({
  id: id,
  name: z.string(),
  description: z.string().nullish(),
  visible_in_portals: z.array(id).nullish(),
  created_at: timestamp,
  updated_at: timestamp,
});

export const solutionFolderSchema = z.object({
  id: id,
  name: z.string(),
  description: z.string().nullish(),
  visibility: z.number().int().nullish(),
  category_id: id.nullish(),
  created_at: timestamp,
  updated_at: timestamp,
});

/** Show and folder-list variants; the list omits `description` and attachments. */
export const solutionArticleSchema = z.object({
  id: id,
  type: z.number().int().nullish(),
  status: z.number().int(),
  agent_id: id.nullish(),
  category_id: id.nullish(),
  folder_id: id.nullish(),
  title: z.string(),
  description: z.string().nullish(),
  description_text: z.string().nullish(),
  tags: stringList.nullish(),
  seo_data: z
    .object({
      meta_title: z.string().nullish(),
      meta_description: z.string().nullish(),
      meta_keywords: z.unknown().optional(),
    })
    .nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  thumbs_up: z.number().int().nullish(),
  thumbs_down: z.number().int().nullish(),
  hits: z.number().int().nullish(),
  feedback_count: z.number().int().nullish(),
  created_at: timestamp,
  updated_at: timestamp,
});

/** An item of `/search/solutions`: article keys plus where it lives. */
export const solutionSearchHitSchema = solutionArticleSchema.extend({
  folder_visibility: z.number().int().nullish(),
  path: z.string().nullish(),
  language: z.string().nullish(),
  category_name: z.string().nullish(),
  folder_name: z.string().nullish(),
});

export type SolutionCategory = z.infer<typeof solutionCategorySchema>;
export type SolutionFolder = z.infer<typeof solutionFolderSchema>;
export type SolutionArticle = z.infer<typeof solutionArticleSchema>;
export type SolutionSearchHit = z.infer<typeof solutionSearchHitSchema>;
