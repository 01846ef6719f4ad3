// Ticket and note HTML as the sandbox's agent page shows it: formatting kept, anything that
// could run or load (scripts, styles, event handlers, frames, forms, images) removed.
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...["p", "div", "span", "br", "hr", "blockquote", "pre", "code", "h1", "h2", "h3", "h4", "h5", "h6"],
    ...["b", "strong", "i", "em", "u", "s", "strike", "sub", "sup", "small", "mark"],
    ...["ul", "ol", "li", "dl", "dt", "dd"],
    ...["table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption"],
    "a",
  ],
  allowedAttributes: { a: ["href", "title"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};

export function safeHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
