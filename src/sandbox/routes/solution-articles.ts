// Solution articles (reference §7): folder lists (without description and attachments), show,
// create and update. Status 1 is a draft, 2 published.

import { asHtml, htmlToText } from "../html-text.ts";
import { readBody } from "../http/body.ts";
import { actorOf, apiUrl, type RouteDeps, type SandboxContext } from "../http/context.ts";
import {
  type FieldError,
  fieldError,
  missingField,
  missingParams,
  oneOf,
  throwIfAny,
  WireNotFoundError,
} from "../http/errors.ts";
import { checkFields, type FieldSpecs } from "../http/fields.ts";
import { PAGING_PARAMS, pageOf, parsePaging, queryOf, unknownParams } from "../http/query.ts";
import type { ApiRoutes } from "../http/route-table.ts";
import { renderArticle } from "../render/solutions.ts";
import type { FdSolutionArticle, FdSolutionFolder } from "../seed/types.ts";
import { LANG, requireLanguage } from "./solution-language.ts";

const ARTICLE_SPECS: FieldSpecs = {
  title: { kind: "string", maxLength: 240 },
  description: { kind: "string" },
  status: { kind: "integer" },
  type: { kind: "integer" },
  agent_id: { kind: "positiveInteger" },
  seo_data: { kind: "object" },
  tags: { kind: "stringArray" },
};
const STATUSES = [1, 2];
const TYPES = [1, 2];

function checkArticle(body: Record<string, unknown>, agentExists: (id: number) => boolean): FieldError[] {
  const errors = checkFields(body, ARTICLE_SPECS);
  if (typeof body.status === "number" && !STATUSES.includes(body.status)) {
    errors.push(fieldError("status", "invalid_value", oneOf(STATUSES)));
  }
  if (typeof body.type === "number" && !TYPES.includes(body.type)) {
    errors.push(fieldError("type", "invalid_value", oneOf(TYPES)));
  }
  if (typeof body.agent_id === "number" && !agentExists(body.agent_id)) {
    errors.push(fieldError("agent_id", "invalid_value", "There is no agent matching the given agent_id"));
  }
  return errors;
}

export function articleRoutes(
  api: ApiRoutes,
  deps: RouteDeps,
  folderOr404: (c: SandboxContext) => FdSolutionFolder,
): void {
  const { store } = deps;
  const agentExists = (id: number) => store.agents.has(id);
  const articleOr404 = (c: SandboxContext) => {
    requireLanguage(c);
    const article = store.solutionArticles.get(Number(c.req.param("id")));
    if (!article) throw new WireNotFoundError();
    return article;
  };

  const listArticles = (c: SandboxContext) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const folder = folderOr404(c);
    const articles = [...store.solutionArticles.values()].filter((a) => a.folder_id === folder.id);
    return c.json(pageOf(c, articles, paging).map((article) => renderArticle(article, "list")));
  };
  api.get("/solutions/folders/:id{[0-9]+}/articles", listArticles);
  api.get(`/solutions/folders/:id{[0-9]+}/articles/${LANG}`, listArticles);

  api.get("/solutions/articles/:id{[0-9]+}", (c) => c.json(renderArticle(articleOr404(c), "show")));
  api.get(`/solutions/articles/:id{[0-9]+}/${LANG}`, (c) => c.json(renderArticle(articleOr404(c), "show")));

  api.post("/solutions/folders/:id{[0-9]+}/articles", async (c) => {
    const { fields: body } = await readBody(c);
    const errors = checkArticle(body, agentExists);
    for (const key of ["title", "description", "status"]) if (!(key in body)) errors.push(missingField(key));
    throwIfAny(errors);
    const folder = folderOr404(c);
    const now = store.stamp();
    const article: FdSolutionArticle = {
      id: store.nextId(),
      type: (body.type as number | undefined) ?? 1,
      status: body.status as number,
      agent_id: (body.agent_id as number | undefined) ?? actorOf(c),
      created_at: now,
      category_id: folder.category_id,
      folder_id: folder.id,
      title: body.title as string,
      updated_at: now,
      description: asHtml(body.description as string),
      description_text: htmlToText(body.description as string),
      seo_data: { meta_title: "", meta_description: "", ...(body.seo_data as object | undefined) },
      tags: (body.tags as string[] | undefined) ?? [],
      attachments: [],
      cloud_files: [],
      thumbs_up: 0,
      thumbs_down: 0,
      hits: 0,
      suggested: 0,
      feedback_count: 0,
    };
    store.solutionArticles.set(article.id, article);
    c.header("Location", apiUrl(c, `/solutions/articles/${article.id}`));
    return c.json(renderArticle(article, "show"), 201);
  });

  api.put("/solutions/articles/:id{[0-9]+}", async (c) => {
    const { fields: body } = await readBody(c);
    if (Object.keys(body).length === 0) throw missingParams();
    throwIfAny(checkArticle(body, agentExists));
    const article = articleOr404(c);
    const { description, seo_data: seoData, ...rest } = body;
    Object.assign(article, rest);
    if (typeof description === "string") {
      article.description = asHtml(description);
      article.description_text = htmlToText(description);
    }
    if (seoData) article.seo_data = { ...article.seo_data, ...(seoData as object) };
    article.updated_at = store.stamp();
    return c.json(renderArticle(article, "show"));
  });

  api.delete("/solutions/articles/:id{[0-9]+}", (c) => {
    store.solutionArticles.delete(articleOr404(c).id);
    return c.body(null, 204);
  });
}
