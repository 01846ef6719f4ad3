import { html } from "hono/html";
import { COMPONENT_PREFIX } from "./json-schema.ts";
import {
  HTTP_METHODS,
  type JsonSchema,
  type MediaType,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type SecurityRequirement,
} from "./types.ts";

type Fragment = ReturnType<typeof html>;
type Listed = { path: string; method: string; operation: Operation };

/**
 * The API reference as one server-rendered page: no scripts, no external assets, so it works
 * offline and under a strict CSP. Every value goes through `html`, which escapes it.
 */
export function renderDocsPage(doc: OpenApiDocument): Fragment {
  const operations = listOperations(doc);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} — API reference</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${doc.info.title} <small>v${doc.info.version} · OpenAPI ${doc.openapi}</small></h1>
  <p>${prose(doc.info.description)}</p>
  <p>Machine-readable: <a href="openapi.json">openapi.json</a></p>
</header>
<nav><ul>${doc.tags.map((tag) => html`<li><a href="#tag-${tag.name}">${tag.name}</a></li>`)}
  <li><a href="#authentication">Authentication</a></li><li><a href="#schemas">Schemas</a></li></ul></nav>
<main>
${doc.tags.map(
  (tag) => html`<section id="tag-${tag.name}">
  <h2>${tag.name}</h2>
  <p>${prose(tag.description)}</p>
  ${operations.filter((op) => op.operation.tags.includes(tag.name)).map(renderOperation)}
</section>`,
)}
<section id="authentication">
  <h2>Authentication</h2>
  <dl>${Object.entries(doc.components.securitySchemes).map(
    ([name, scheme]) => html`<dt id="auth-${name}"><code>${name}</code> (${schemeLabel(scheme)})</dt>
    <dd>${prose(scheme.description)}</dd>`,
  )}</dl>
</section>
<section id="schemas">
  <h2>Schemas</h2>
  ${Object.entries(doc.components.schemas).map(
    ([name, schema]) => html`<h3 id="schema-${name}">${name}</h3>${jsonBlock(schema)}`,
  )}
</section>
</main>
</body>
</html>`;
}

function listOperations(doc: OpenApiDocument): Listed[] {
  const out: Listed[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation) out.push({ path, method, operation });
    }
  }
  return out;
}

function renderOperation({ path, method, operation }: Listed): Fragment {
  const body = operation.requestBody;
  return html`<article id="op-${operation.operationId}">
  <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
  <p class="summary">${operation.summary}</p>
  ${operation.description ? html`<p>${prose(operation.description)}</p>` : ""}
  <p><strong>Auth:</strong> ${renderSecurity(operation.security)}</p>
  ${operation.parameters?.length ? renderParameters(operation.parameters) : ""}
  ${
    body ? html`<h4>Request body${body.required ? "" : " (optional)"}</h4>${renderContent(body.content)}` : ""
  }
  <h4>Responses</h4>
  <table><thead><tr><th>Status</th><th>Meaning</th><th>Body</th></tr></thead><tbody>
  ${Object.entries(operation.responses).map(
    ([status, response]) =>
      html`<tr><td><code>${status}</code></td><td>${prose(response.description)}${
        response.headers ? html`<br><small>Headers: ${Object.keys(response.headers).join(", ")}</small>` : ""
      }</td><td>${response.content ? renderContent(response.content) : "—"}</td></tr>`,
  )}
  </tbody></table>
</article>`;
}

function renderSecurity(security: SecurityRequirement[] | undefined): Fragment | string {
  if (!security || security.length === 0) return "none";
  const options = security.map((requirement) =>
    Object.entries(requirement).map(
      ([scheme, scopes]) =>
        html`<a href="#auth-${scheme}"><code>${scheme}</code></a>${scopes.length ? ` with ${scopes.join(", ")}` : ""}`,
    ),
  );
  return html`${options.map((option, i) => html`${i > 0 ? " or " : ""}${option}`)}`;
}

function renderParameters(parameters: Parameter[]): Fragment {
  return html`<h4>Parameters</h4>
  <table><thead><tr><th>Name</th><th>In</th><th>Required</th><th>Description</th><th>Schema</th></tr></thead><tbody>
  ${parameters.map(
    (p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? "yes" : "no"}</td>
    <td>${prose(p.description ?? "")}</td><td>${schemaSummary(p.schema)}</td></tr>`,
  )}
  </tbody></table>`;
}

function renderContent(content: Record<string, MediaType>): Fragment {
  return html`${Object.entries(content).map(
    ([type, media]) =>
      html`<div class="media"><code>${type}</code>: ${schemaSummary(media.schema)}${
        media.example === undefined
          ? ""
          : html`<details><summary>Example</summary>${jsonBlock(media.example)}</details>`
      }</div>`,
  )}`;
}

/** A named schema becomes a link to its definition; anything else is shown in place. */
function schemaSummary(schema: JsonSchema): Fragment {
  const target = schema.$ref;
  if (typeof target === "string" && target.startsWith(COMPONENT_PREFIX)) {
    const name = target.slice(COMPONENT_PREFIX.length);
    return html`<a href="#schema-${name}">${name}</a>`;
  }
  return jsonBlock(schema);
}

const REF_PATTERN = new RegExp(`"${COMPONENT_PREFIX}(\\w+)"`, "g");

/** Pretty JSON with every schema reference turned into a link. */
function jsonBlock(value: unknown): Fragment {
  const text = JSON.stringify(value, null, 2) ?? "";
  const parts: Array<string | Fragment> = [];
  let last = 0;
  for (const match of text.matchAll(REF_PATTERN)) {
    const name = match[1] ?? "";
    parts.push(text.slice(last, match.index));
    parts.push(html`<a href="#schema-${name}">"${COMPONENT_PREFIX}${name}"</a>`);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return html`<pre>${parts}</pre>`;
}

/** Descriptions use Markdown's backticks for code; only that much Markdown is rendered. */
function prose(text: string): Fragment {
  const parts = text.split("`");
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

function schemeLabel(scheme: OpenApiDocument["components"]["securitySchemes"][string]): string {
  return scheme.type === "http" ? `HTTP ${scheme.scheme}` : `${scheme.name} ${scheme.in}`;
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f8fa}
header,main,nav{max-width:60rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}h1 small{font-size:.55em;color:#5b6474;font-weight:normal}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}
section{margin:2rem 0}article{background:#fff;border:1px solid #dde1e8;border-radius:6px;padding:.2rem 1rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:4.2em;text-align:center;border-radius:4px;color:#fff;font-size:.8em;padding:.1em .4em;background:#5b6474}
.method.get{background:#1f6feb}.method.post{background:#1a7f37}.method.put{background:#9a6700}.method.delete{background:#cf222e}
.summary{font-weight:600}table{border-collapse:collapse;width:100%;font-size:.93em}
td,th{border-top:1px solid #e5e8ee;padding:.35rem .5rem;text-align:left;vertical-align:top}
pre{background:#f0f2f5;padding:.6rem;border-radius:4px;overflow:auto;font-size:.85em;max-height:28rem}
.media{margin:.2rem 0}dt{margin-top:.6rem}
`;
