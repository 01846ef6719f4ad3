// Solutions paths may end in a language code. The sandbox holds the account's primary language
// ("en") only, so any other language has nothing to show.
import type { SandboxContext } from "../http/context.ts";
import { WireNotFoundError } from "../http/errors.ts";

export const LANG = ":lang{[a-z]{2}(?:-[A-Za-z]{2})?}";
export const PRIMARY_LANGUAGE = "en";

/** Throws 404 for a language the account has no content in. */
export function requireLanguage(c: SandboxContext): void {
  const lang = c.req.param("lang");
  if (lang !== undefined && lang !== PRIMARY_LANGUAGE) throw new WireNotFoundError();
}
