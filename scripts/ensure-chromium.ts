// Where the browser tests find Chromium: Debian's `chromium` package. Browsers are never
// downloaded; playwright-core drives the system's binary.
import { accessSync, constants } from "node:fs";
import { aptInstall } from "./apt-install.ts";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export const CHROMIUM_MISSING_HELP =
  "Chromium was not found (looked for /usr/bin/chromium and /usr/bin/chromium-browser). The browser " +
  "tests need it: on Debian or Ubuntu run `sudo apt-get install chromium`.";

export function findChromium(): string | undefined {
  return CANDIDATES.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** True when Chromium is there, installing Debian's package first if it is missing and we can. */
export function ensureChromium(): boolean {
  if (findChromium()) return true;
  return aptInstall(["chromium"]) && findChromium() !== undefined;
}
