// The `*_text` twins of seed HTML follow the same rendering as bodies written through the API.
export { htmlToText } from "../html-text.ts";

/** Wraps plain paragraphs (separated by blank lines) the way the Freshdesk editor stores them. */
export function paragraphsToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<div>${escapeHtml(paragraph.trim()).replace(/\n/g, "<br>")}</div>`)
    .join("");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
