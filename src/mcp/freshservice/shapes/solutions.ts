import { z } from "zod";
import type { FsArticle, FsSolutionCategory, FsSolutionFolder } from "../../../freshservice/index.ts";
import { clip, dropEmpty } from "../../output/clean.ts";
import { bodyText } from "../../output/html-to-text.ts";

/** The Freshservice knowledge base (solutions): categories › folders › articles [reference §6]. */

export const ARTICLE_STATUSES: Readonly<Record<number, string>> = { 1: "draft", 2: "published" };
export const ARTICLE_TYPES: Readonly<Record<number, string>> = { 1: "permanent", 2: "workaround" };
export const FOLDER_VISIBILITY: Readonly<Record<number, string>> = {
  1: "all users",
  2: "logged-in users",
  3: "agents only",
  4: "departments",
  5: "agent groups",
  6: "requester groups",
};

export const solutionCategoryOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  position: z.number().optional(),
  workspace_id: z.number().optional(),
  updated_at: z.string().optional(),
});
export type SolutionCategoryOutput = z.output<typeof solutionCategoryOutput>;

export const toSolutionCategoryOutput = (c: FsSolutionCategory): SolutionCategoryOutput =>
  dropEmpty({
    id: c.id,
    name: c.name,
    description: c.description ?? undefined,
    position: c.position ?? undefined,
    workspace_id: c.workspace_id ?? undefined,
    updated_at: c.updated_at ?? undefined,
  });

export const solutionFolderOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  category_id: z.number().optional(),
  category_name: z.string().optional(),
  visibility: z.string().optional().describe("who can see the folder's articles"),
  position: z.number().optional(),
});
export type SolutionFolderOutput = z.output<typeof solutionFolderOutput>;

export const toSolutionFolderOutput = (f: FsSolutionFolder, categoryName?: string): SolutionFolderOutput =>
  dropEmpty({
    id: f.id,
    name: f.name,
    description: f.description ?? undefined,
    category_id: f.category_id ?? undefined,
    category_name: categoryName,
    visibility:
      f.visibility === null || f.visibility === undefined
        ? undefined
        : (FOLDER_VISIBILITY[f.visibility] ?? String(f.visibility)),
    position: f.position ?? undefined,
  });

export const solutionArticleOutput = z.object({
  id: z.number(),
  title: z.string(),
  status: z.number(),
  status_name: z.string().optional().describe("draft or published"),
  article_type: z.number().optional(),
  article_type_name: z.string().optional().describe("permanent or workaround"),
  folder_id: z.number().optional(),
  category_id: z.number().optional(),
  url: z.string().optional(),
  agent_id: z.number().optional(),
  tags: z.array(z.string()).optional(),
  keywords: z.array(z.string()).optional(),
  description_text: z.string().optional(),
  views: z.number().optional(),
  thumbs_up: z.number().optional(),
  thumbs_down: z.number().optional(),
  updated_at: z.string().optional(),
});
export type SolutionArticleOutput = z.output<typeof solutionArticleOutput>;

export function toSolutionArticleOutput(article: FsArticle, maxBody: number): SolutionArticleOutput {
  const text = bodyText(article.description_text, article.description);
  return dropEmpty({
    id: article.id,
    title: article.title,
    status: article.status,
    status_name: ARTICLE_STATUSES[article.status],
    article_type: article.article_type ?? undefined,
    article_type_name:
      article.article_type === null || article.article_type === undefined
        ? undefined
        : ARTICLE_TYPES[article.article_type],
    folder_id: article.folder_id ?? undefined,
    category_id: article.category_id ?? undefined,
    url: article.url ?? undefined,
    agent_id: article.agent_id ?? undefined,
    tags: article.tags ?? undefined,
    keywords: article.keywords ?? undefined,
    description_text: text ? clip(text, maxBody, "get_solution_article shows the whole article") : undefined,
    views: article.views ?? undefined,
    thumbs_up: article.thumbs_up ?? undefined,
    thumbs_down: article.thumbs_down ?? undefined,
    updated_at: article.updated_at ?? undefined,
  });
}

export const renderSolutionArticleLine = (a: SolutionArticleOutput) =>
  `#${a.id} ${JSON.stringify(a.title)} (${a.status_name ?? `status ${a.status}`}${a.article_type_name ? `, ${a.article_type_name}` : ""})`;
