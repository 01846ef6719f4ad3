import { Hono } from "hono";
import { buildOpenApiDocument, type OpenApiOptions } from "../openapi/document.ts";
import { renderDocsPage } from "../openapi/render-docs.ts";

/**
 * `GET /openapi.json` and `GET /docs`, both public: the document describes routes and shapes,
 * never secrets. It is built once, since nothing in it changes while the process runs.
 */
export function docsRoutes(options: OpenApiOptions = {}): Hono {
  const document = buildOpenApiDocument(options);
  const page = renderDocsPage(document);
  const routes = new Hono();
  routes.get("/openapi.json", (c) => c.json(document));
  routes.get("/docs", (c) => {
    // The page runs no scripts and loads nothing else; its only style is inline.
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'");
    c.header("X-Content-Type-Options", "nosniff");
    return c.html(page);
  });
  return routes;
}
