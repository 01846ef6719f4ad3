// The knowledge base (reference §6): categories, folders (`?category_id=`), articles
// (`?folder_id=`), and `/solutions/articles/search` — published articles only, with a `meta` block.
import { type FieldError, fieldError, missingField, throwIfAny } from "../../sandbox/http/errors.ts";
import { isEmail } from "../../sandbox/http/fields.ts";
import {
  PAGING_PARAMS,
  pageOf,
  parsePaging,
  positiveIntParam,
  queryOf,
  unknownParams,
} from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import { searchArticles } from "../../sandbox/solutions-search.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import type { FsSolutionArticle } from "../seed/types.ts";
import { found, workspaceFilter } from "./list-helpers.ts";

/** Folders the search looks in: all users, logged-in users and agents only (§6 visibility 1–3); the API key is an agent's [inferred]. */
const SEARCHABLE_VISIBILITY = [1, 2, 3];

export function solutionRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;

  api.get("/solutions/categories", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, [...PAGING_PARAMS, "workspace_id"]);
    const paging = parsePaging(query, errors);
    const inWorkspace = workspaceFilter(query, store.workspaceId, errors);
    throwIfAny(errors);
    const rows = [...store.solutionCategories.values()]
      .filter(inWorkspace)
      .sort((a, b) => a.position - b.position);
    return c.json({ categories: pageOf(c, rows, paging).map((row) => structuredClone(row)) });
  });

  api.get("/solutions/categories/:id{[0-9]+}", (c) =>
    c.json({ category: structuredClone(found(store.solutionCategories, c.req.param("id"))) }),
  );

  api.get("/solutions/folders", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, [...PAGING_PARAMS, "category_id"]);
    const paging = parsePaging(query, errors);
    const categoryId = positiveIntParam(query, "category_id", errors);
    if (query.category_id === undefined) errors.push(missingField("category_id"));
    else if (categoryId !== undefined && !store.solutionCategories.has(categoryId)) {
      errors.push(
        fieldError("category_id", "invalid_value", "There is no category matching the given category_id"),
      );
    }
    throwIfAny(errors);
    const rows = [...store.solutionFolders.values()]
      .filter((folder) => folder.category_id === categoryId)
      .sort((a, b) => a.position - b.position);
    return c.json({ folders: pageOf(c, rows, paging).map((row) => structuredClone(row)) });
  });

  api.get("/solutions/folders/:id{[0-9]+}", (c) =>
    c.json({ folder: structuredClone(found(store.solutionFolders, c.req.param("id"))) }),
  );

  api.get("/solutions/articles", (c) => {
    const query = queryOf(c);
    const errors = unknownParams(query, [...PAGING_PARAMS, "folder_id"]);
    const paging = parsePaging(query, errors);
    const folderId = positiveIntParam(query, "folder_id", errors);
    if (query.folder_id === undefined) errors.push(missingField("folder_id"));
    else if (folderId !== undefined && !store.solutionFolders.has(folderId)) {
      errors.push(
        fieldError("folder_id", "invalid_value", "There is no folder matching the given folder_id"),
      );
    }
    throwIfAny(errors);
    // The folder's articles, drafts included: agents see their drafts in the list [inferred].
    const rows = [...store.solutionArticles.values()]
      .filter((article) => article.folder_id === folderId)
      .sort((a, b) => a.position - b.position);
    return c.json({ articles: pageOf(c, rows, paging).map((row) => structuredClone(row)) });
  });

  api.get("/solutions/articles/:id{[0-9]+}", (c) =>
    c.json({ article: structuredClone(found(store.solutionArticles, c.req.param("id"))) }),
  );

  api.get("/solutions/articles/search", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, [...PAGING_PARAMS, "search_term", "user_email"]);
    const paging = parsePaging(query, errors);
    const term = query.search_term?.trim() ?? "";
    if (query.search_term === undefined) errors.push(missingField("search_term"));
    else if (term === "") errors.push(fieldError("search_term", "invalid_value", "It should not be blank"));
    if (query.user_email !== undefined) {
      if (!isEmail(query.user_email)) {
        errors.push(
          fieldError("user_email", "invalid_value", "It should be in the 'valid email address' format"),
        );
      } else if (!store.findUserByEmail(query.user_email)) {
        errors.push(
          fieldError("user_email", "invalid_value", "There is no user matching the given user_email"),
        );
      }
    }
    throwIfAny(errors);
    // A requester (user_email) sees no agents-only folders; the API key's agent does [inferred].
    const asRequester =
      query.user_email !== undefined && !store.agents.has(store.findUserByEmail(query.user_email)?.id ?? -1);
    const visible = (article: FsSolutionArticle) => {
      const folder = store.solutionFolders.get(article.folder_id);
      if (!folder || !SEARCHABLE_VISIBILITY.includes(folder.visibility)) return false;
      return !(asRequester && folder.visibility === 3);
    };
    const published = [...store.solutionArticles.values()].filter((a) => a.status === 2 && visible(a));
    // Keywords count like tags in the shared ranking.
    const hits = searchArticles(
      published.map((article) => ({ ...article, tags: [...article.tags, ...article.keywords] })),
      term,
    ).map((hit) => store.solutionArticles.get(hit.id) as FsSolutionArticle);
    const start = (paging.page - 1) * paging.perPage;
    return c.json({
      articles: hits.slice(start, start + paging.perPage).map((row) => structuredClone(row)),
      meta: {
        total_items: hits.length,
        total_pages: Math.ceil(hits.length / paging.perPage),
        current_page: paging.page,
      },
    });
  });
}
