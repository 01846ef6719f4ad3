// The knowledge base (reference §7): categories, folders, search, and (in solution-articles.ts)
// articles.
import { readBody } from "../http/body.ts";
import { apiUrl, type RouteDeps, type SandboxContext } from "../http/context.ts";
import {
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
import { renderArticleSearchItem, renderCategory, renderFolder } from "../render/solutions.ts";
import type { FdSolutionCategory, FdSolutionFolder } from "../seed/types.ts";
import { searchArticles } from "../solutions-search.ts";
import { articleRoutes } from "./solution-articles.ts";
import { LANG, requireLanguage } from "./solution-language.ts";

const ID = ":id{[0-9]+}";

const CATEGORY_SPECS: FieldSpecs = {
  name: { kind: "string", maxLength: 240 },
  description: { kind: "string", nullable: true },
};
const FOLDER_SPECS: FieldSpecs = { ...CATEGORY_SPECS, visibility: { kind: "integer" } };
const VISIBILITIES = [1, 2, 3, 4, 5, 6, 7];

export function solutionRoutes(api: ApiRoutes, deps: RouteDeps): void {
  const { store } = deps;
  const categoryOr404 = (c: SandboxContext) => {
    requireLanguage(c);
    const category = store.solutionCategories.get(Number(c.req.param("id")));
    if (!category) throw new WireNotFoundError();
    return category;
  };
  const folderOr404 = (c: SandboxContext) => {
    requireLanguage(c);
    const folder = store.solutionFolders.get(Number(c.req.param("id")));
    if (!folder) throw new WireNotFoundError();
    return folder;
  };

  const listCategories = (c: SandboxContext) => {
    requireLanguage(c);
    return c.json([...store.solutionCategories.values()].map(renderCategory));
  };
  api.get("/solutions/categories", listCategories);
  api.get(`/solutions/categories/${LANG}`, listCategories);
  api.get(`/solutions/categories/${ID}`, (c) => c.json(renderCategory(categoryOr404(c))));
  api.get(`/solutions/categories/${ID}/${LANG}`, (c) => c.json(renderCategory(categoryOr404(c))));

  api.post("/solutions/categories", async (c) => {
    const { fields: body } = await readBody(c);
    const errors = checkFields(body, CATEGORY_SPECS);
    if (!("name" in body)) errors.push(missingField("name"));
    throwIfAny(errors);
    const now = store.stamp();
    const category: FdSolutionCategory = {
      id: store.nextId(),
      name: body.name as string,
      description: (body.description as string | null | undefined) ?? null,
      created_at: now,
      updated_at: now,
    };
    store.solutionCategories.set(category.id, category);
    c.header("Location", apiUrl(c, `/solutions/categories/${category.id}`));
    return c.json(renderCategory(category), 201);
  });

  api.put(`/solutions/categories/${ID}`, async (c) => {
    const { fields: body } = await readBody(c);
    if (Object.keys(body).length === 0) throw missingParams();
    throwIfAny(checkFields(body, CATEGORY_SPECS));
    const category = categoryOr404(c);
    Object.assign(category, body, { updated_at: store.stamp() });
    return c.json(renderCategory(category));
  });

  api.delete(`/solutions/categories/${ID}`, (c) => {
    const category = categoryOr404(c);
    store.solutionCategories.delete(category.id);
    for (const folder of [...store.solutionFolders.values()]) {
      if (folder.category_id === category.id) deleteFolder(folder.id);
    }
    return c.body(null, 204);
  });

  const listFolders = (c: SandboxContext) => {
    const query = queryOf(c);
    const errors = unknownParams(query, PAGING_PARAMS);
    const paging = parsePaging(query, errors);
    throwIfAny(errors);
    const category = categoryOr404(c);
    const folders = [...store.solutionFolders.values()].filter((f) => f.category_id === category.id);
    return c.json(pageOf(c, folders, paging).map(renderFolder));
  };
  api.get(`/solutions/categories/${ID}/folders`, listFolders);
  api.get(`/solutions/categories/${ID}/folders/${LANG}`, listFolders);

  api.post(`/solutions/categories/${ID}/folders`, async (c) => {
    const { fields: body } = await readBody(c);
    const errors = checkFields(body, FOLDER_SPECS);
    if (!("name" in body)) errors.push(missingField("name"));
    if (typeof body.visibility === "number" && !VISIBILITIES.includes(body.visibility)) {
      errors.push(fieldError("visibility", "invalid_value", oneOf(VISIBILITIES)));
    }
    throwIfAny(errors);
    const category = categoryOr404(c);
    const now = store.stamp();
    const folder: FdSolutionFolder = {
      id: store.nextId(),
      name: body.name as string,
      description: (body.description as string | null | undefined) ?? null,
      visibility: (body.visibility as number | undefined) ?? 1,
      category_id: category.id,
      created_at: now,
      updated_at: now,
    };
    store.solutionFolders.set(folder.id, folder);
    c.header("Location", apiUrl(c, `/solutions/folders/${folder.id}`));
    return c.json(renderFolder(folder), 201);
  });

  api.get(`/solutions/folders/${ID}`, (c) => c.json(renderFolder(folderOr404(c))));
  api.get(`/solutions/folders/${ID}/${LANG}`, (c) => c.json(renderFolder(folderOr404(c))));

  api.put(`/solutions/folders/${ID}`, async (c) => {
    const { fields: body } = await readBody(c);
    if (Object.keys(body).length === 0) throw missingParams();
    const errors = checkFields(body, FOLDER_SPECS);
    if (typeof body.visibility === "number" && !VISIBILITIES.includes(body.visibility)) {
      errors.push(fieldError("visibility", "invalid_value", oneOf(VISIBILITIES)));
    }
    throwIfAny(errors);
    const folder = folderOr404(c);
    Object.assign(folder, body, { updated_at: store.stamp() });
    return c.json(renderFolder(folder));
  });

  const deleteFolder = (folderId: number) => {
    store.solutionFolders.delete(folderId);
    for (const article of [...store.solutionArticles.values()]) {
      if (article.folder_id === folderId) store.solutionArticles.delete(article.id);
    }
  };
  api.delete(`/solutions/folders/${ID}`, (c) => {
    deleteFolder(folderOr404(c).id);
    return c.body(null, 204);
  });

  articleRoutes(api, deps, folderOr404);

  const search = (c: SandboxContext) => {
    requireLanguage(c);
    const query = queryOf(c);
    const errors = unknownParams(query, ["term", ...PAGING_PARAMS]);
    if (query.term === undefined) errors.push(missingField("term"));
    throwIfAny(errors);
    const hits = searchArticles(store.solutionArticles.values(), query.term ?? "");
    return c.json(
      hits.map((article) =>
        renderArticleSearchItem(
          article,
          store.solutionFolders.get(article.folder_id),
          store.solutionCategories.get(article.category_id),
        ),
      ),
    );
  };
  api.get("/search/solutions", search);
  api.get(`/search/solutions/${LANG}`, search);
}
