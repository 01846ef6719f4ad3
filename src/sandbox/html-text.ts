// Plain-text and HTML forms of bodies: Freshdesk returns both `description` (HTML) and
// `description_text`, `body` and `body_text`.

import { decodeHTML } from "entities";

/** Stands for a block boundary until runs of them collapse into one line break. */
const BLOCK = "\uE000";

/**
 * Freshdesk's `*_text` rendering of an HTML body: every entity decoded (named and numeric,
 * `&#8217;`, `&eacute;`, `&mdash;` …), a line break for each `<br>`, and one line break between
 * blocks (`<p>`, `<div>`, `<li>`, headings, rows …), however deeply they nest. The HTML
 * source's own line breaks are only whitespace, as a browser shows them.
 */
export function htmlToText(html: string): string {
  // A body without tags was sent as plain text (asHtml escapes it): its lines are its own.
  if (!isHtml(html)) return tidy(html);
  const text = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/\s+/g, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(
      /<\/?(p|div|li|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article|header|footer)\b[^>]*>/gi,
      BLOCK,
    )
    .replace(/<[^>]*>/g, "")
    .replace(/\n? *(?:\uE000 *)+/g, "\n");
  return tidy(decodeHTML(text));
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const isHtml = (body: string) => /<[a-z][\s\S]*>/i.test(body);

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Freshdesk stores bodies as HTML; plain text is wrapped in a `<div>`. */
export function asHtml(body: string): string {
  return isHtml(body) ? body : `<div>${escapeHtml(body)}</div>`;
}
