import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { PAGE_STYLES } from "./styles.ts";

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The shell every page shares. Values interpolated with `html` are escaped automatically. `site`
 * names the service for the deployment's product ("Freshservice triage").
 */
export function layout(
  title: string,
  header: Markup | string,
  body: Markup,
  site = "Freshdesk triage",
): Markup {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="same-origin" />
    <title>${title} · ${site}</title>
    <style>
      ${PAGE_STYLES}
    </style>
  </head>
  <body>
    <header class="top">
      <strong>${site}</strong>
      ${header}
    </header>
    <main>${body}</main>
  </body>
</html>`;
}
