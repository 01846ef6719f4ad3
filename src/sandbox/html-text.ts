// Plain-text and HTML forms of bodies: Freshdesk returns both `description` (HTML) and
// `description_text`, `body` and `body_text`.

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
  apos: "'",
  nbsp: " ",
};

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|tr)>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole)
    .replace(/\s+/g, " ")
    .trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Freshdesk stores bodies as HTML; plain text is wrapped in a `<div>`. */
export function asHtml(body: string): string {
  return /<[a-z][\s\S]*>/i.test(body) ? body : `<div>${escapeHtml(body)}</div>`;
}
