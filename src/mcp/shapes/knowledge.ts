import { z } from "zod";
import type {
  CannedResponse,
  SolutionArticle,
  SolutionCategory,
  SolutionFolder,
  SolutionSearchHit,
} from "../../freshdesk/index.ts";
import { clip, dropEmpty } from "../output/clean.ts";
import { bodyText, htmlToText } from "../output/html-to-text.ts";
import { ARTICLE_STATUSES, ARTICLE_TYPES, FOLDER_VISIBILITY } from "./enums.ts";

/** The knowledge base (solutions) and canned responses. */

export const categoryOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  updated_at: z.string().optional(),
});

export const toCategoryOutput = (c: SolutionCategory) =>
  dropEmpty({ id: c.id, name: c.name, description: c.description ?? undefined, updated_at: c.updated_at });

export const folderOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  category_id: z.number().optional(),
  visibility: z.string().optional(),
});

export const toFolderOutput = (f: SolutionFolder) =>
  dropEmpty({
    id: f.id,
    name: f.name,
    description: f.description ?? undefined,
    category_id: f.category_id ?? undefined,
    visibility: f.visibility ? (FOLDER_VISIBILITY[f.visibility] ?? String(f.visibility)) : undefined,
  });

export const articleOutput = z.object({
  id: z.number(),
  title: z.string(),
  status: z.string().describe("draft or published"),
  type: z.string().optional(),
  folder_id: z.number().optional(),
  folder_name: z.string().optional(),
  category_id: z.number().optional(),
  category_name: z.string().optional(),
  agent_id: z.number().optional(),
  tags: z.array(z.string()).optional(),
  description_text: z.string().optional(),
  hits: z.number().optional(),
  thumbs_up: z.number().optional(),
  thumbs_down: z.number().optional(),
  updated_at: z.string(),
});
export type ArticleOutput = z.output<typeof articleOutput>;

export function toArticleOutput(
  article: SolutionArticle | SolutionSearchHit,
  maxBody: number,
): ArticleOutput {
  const hit = article as Partial<SolutionSearchHit>;
  const text = bodyText(article.description_text, article.description);
  return dropEmpty({
    id: article.id,
    title: article.title,
    status: ARTICLE_STATUSES[article.status] ?? String(article.status),
    type: article.type ? ARTICLE_TYPES[article.type] : undefined,
    folder_id: article.folder_id ?? undefined,
    folder_name: hit.folder_name ?? undefined,
    category_id: article.category_id ?? undefined,
    category_name: hit.category_name ?? undefined,
    agent_id: article.agent_id ?? undefined,
    tags: article.tags ?? undefined,
    description_text: text ? clip(text, maxBody, "get_solution_article shows the whole article") : undefined,
    hits: article.hits ?? undefined,
    thumbs_up: article.thumbs_up ?? undefined,
    thumbs_down: article.thumbs_down ?? undefined,
    updated_at: article.updated_at,
  });
}

export const renderArticleLine = (a: ArticleOutput) =>
  `#${a.id} ${JSON.stringify(a.title)} (${a.status}${a.folder_name ? `, ${a.category_name ?? ""} › ${a.folder_name}` : ""})`;

export const cannedResponseOutput = z.object({
  id: z.number(),
  title: z.string(),
  folder_id: z.number().optional(),
  content_text: z.string().optional(),
  rendered_for_ticket: z
    .string()
    .optional()
    .describe("the content with placeholders filled in for ticket_id"),
  attachments: z.array(z.string()).optional(),
  updated_at: z.string().optional(),
});
export type CannedResponseOutput = z.output<typeof cannedResponseOutput>;

export function toCannedResponseOutput(response: CannedResponse, maxBody: number): CannedResponseOutput {
  return dropEmpty({
    id: response.id,
    title: response.title,
    folder_id: response.folder_id ?? undefined,
    content_text: clip(bodyText(response.content, response.content_html), maxBody),
    rendered_for_ticket: response.evaluated_response
      ? clip(htmlToText(response.evaluated_response), maxBody)
      : undefined,
    attachments: response.attachments?.map((a) => a.name),
    updated_at: response.updated_at ?? undefined,
  });
}
