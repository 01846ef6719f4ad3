import { clip } from "../output/clean.ts";
import { toArticleOutput } from "../shapes/knowledge.ts";
import { documentTextBudget, type ResourceTemplateDefinition, uriFor } from "./define-resource.ts";

/** The knowledge-base page Freshdesk shows customers for an article. */
export function articleUrl(portalUrl: string | undefined, id: number): string | undefined {
  return portalUrl ? `${portalUrl.replace(/\/+$/, "")}/support/solutions/articles/${id}` : undefined;
}

export const articleResource: ResourceTemplateDefinition = {
  name: "solution_article",
  title: "Knowledge-base article",
  description:
    "A knowledge-base (solution) article as plain text: title, status, folder, tags and its full text, HTML turned into text.",
  uriTemplate: "freshdesk://solutions/articles/{id}",
  mimeType: "text/plain",
  tool: "get_solution_article",
  async read(id, context) {
    const article = toArticleOutput(
      await context.freshdesk.solutions.getArticle(id),
      Number.POSITIVE_INFINITY,
    );
    const uri = uriFor(articleResource, id);
    const url = articleUrl(context.portalUrl, id) ?? uri;
    const head = [
      article.title,
      `Status: ${article.status}${article.type ? `, ${article.type}` : ""} | updated ${article.updated_at}`,
      ...(article.tags?.length ? [`Tags: ${article.tags.join(", ")}`] : []),
      `Link: ${url}`,
    ];
    const metadata: Record<string, string> = {
      type: "article",
      status: article.status,
      updated_at: article.updated_at,
    };
    if (article.folder_id) metadata.folder_id = String(article.folder_id);
    if (article.category_id) metadata.category_id = String(article.category_id);
    if (article.tags?.length) metadata.tags = article.tags.join(", ");
    return {
      uri,
      title: article.title,
      text: clip(
        [...head, "", article.description_text ?? ""].join("\n").trim(),
        documentTextBudget(context),
      ),
      url,
      metadata,
    };
  },
};
