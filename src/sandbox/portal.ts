// The few web pages of the simulated helpdesk that links point at: the agent view of a ticket
// (`/a/tickets/:id`, where Freshdesk's "ticket URL" leads) and a published knowledge-base
// article (`/support/solutions/articles/:id`). They let a person follow the links in triage
// notes, the activity page and MCP results when the service runs on the sandbox. Browsers are
// asked for Basic credentials (the API key as user name), as the API itself would need.
import { Hono } from "hono";
import { html, raw } from "hono/html";
import { asHtml } from "./html-text.ts";
import { hasApiKey } from "./http/auth.ts";
import { safeHtml } from "./safe-html.ts";
import type { SandboxStore } from "./store.ts";

const PRIORITIES: Record<number, string> = { 1: "Low", 2: "Medium", 3: "High", 4: "Urgent" };
const PUBLISHED = 2;

export function portalRoutes(store: SandboxStore, apiKey: string): Hono {
  const portal = new Hono();

  portal.use("/a/*", async (c, next) => {
    if (!hasApiKey(c.req.header("authorization"), apiKey)) {
      c.header("WWW-Authenticate", 'Basic realm="Freshdesk sandbox (user: the API key)"');
      return c.text("Sign in with the sandbox's API key as the user name.", 401);
    }
    await next();
  });

  portal.get("/a/tickets/:id", (c) => {
    const record = store.tickets.get(Number(c.req.param("id")));
    if (!record) return c.text("No such ticket.", 404);
    const t = record.ticket;
    const group = t.group_id ? store.groups.get(t.group_id)?.name : undefined;
    const agent = t.responder_id ? store.agents.get(t.responder_id)?.contact.name : undefined;
    const conversations = store.conversationsOf(t.id);
    return c.html(
      page(
        `#${t.id} ${t.subject}`,
        html`<h1>#${t.id} ${t.subject}</h1>
          <p>
            Priority <b>${PRIORITIES[t.priority] ?? t.priority}</b> · Group <b>${group ?? "none"}</b> · Agent
            <b>${agent ?? "unassigned"}</b> · Type <b>${t.type ?? "none"}</b> · Tags ${t.tags.join(", ") || "none"}
            ${record.deleted ? html` · <b>deleted</b>` : ""}
          </p>
          <section><h2>Description</h2><div class="body">${bodyHtml(t.description)}</div></section>
          ${conversations.map(
            (conversation) =>
              html`<section class="${conversation.private ? "note" : ""}">
                <h2>${conversation.private ? "Private note" : conversation.incoming ? "Customer" : "Reply"} ·
                  ${conversation.created_at}</h2>
                <div class="body">${bodyHtml(conversation.body)}</div>
              </section>`,
          )}`,
      ),
    );
  });

  portal.get("/support/solutions/articles/:id", (c) => {
    const article = store.solutionArticles.get(Number(c.req.param("id")));
    if (!article || article.status !== PUBLISHED) return c.text("No such article.", 404);
    return c.html(page(article.title, html`<h1>${article.title}</h1><pre>${article.description_text}</pre>`));
  });

  return portal;
}

/** The body's own HTML (paragraphs, lists, links), with only safe tags and attributes left. */
function bodyHtml(body: string) {
  return raw(safeHtml(asHtml(body)));
}

function page(title: string, body: ReturnType<typeof html>) {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title} · Freshdesk sandbox</title>
        <style>
          ${raw("body{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;font:inherit}section{border-top:1px solid #ddd;padding:.5rem 0}.body p{margin:.4rem 0}.note{background:#fff8e1;padding:.5rem}")}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`;
}
