import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { PAGE_STYLES } from "./styles.ts";

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The shell every page shares. Values interpolated with `html` are escaped automatically. */
export function layout(title: string, header: Markup | string, body: Markup): Markup {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="same-origin" />
    <title>${title} · Freshdesk triage</title>
    <style>
      ${PAGE_STYLES}
    </style>
  </head>
  <body>
    <header class="top">
      <strong>Freshdesk triage</strong>
      ${header}
    </header>
    <main>${body}</main>
  </body>
</html>`;
}
