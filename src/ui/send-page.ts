import type { Context } from "hono";
import type { Markup } from "./layout.ts";

// The pages run no scripts and load nothing from elsewhere; the policy makes injected markup
// inert and stops other sites from framing the buttons.
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Sends a rendered page with the headers every page needs (no caching: pages show ticket data). */
export async function sendPage(
  c: Context,
  page: Markup,
  status: 200 | 401 | 403 | 429 = 200,
): Promise<Response> {
  c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Cache-Control", "no-store");
  return c.html(await page, status);
}
