/**
 * The helpdesk product one deployment serves. Everything shared (intake, queue, workers, rate
 * governor, MCP factory, learning, pages) takes the product; the product-specific parts are the
 * client, the sandbox, the tool set, the field mapping and the note wording.
 */
export const PRODUCTS = ["freshdesk", "freshservice"] as const;
export type Product = (typeof PRODUCTS)[number];

/** How the product is named in messages to people. */
export const PRODUCT_LABELS: Record<Product, string> = {
  freshdesk: "Freshdesk",
  freshservice: "Freshservice",
};
