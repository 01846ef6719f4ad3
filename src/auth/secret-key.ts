import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where the zero-config start keeps its generated SECRET_KEY, inside the data folder. */
export const SECRET_KEY_FILE = "secret-key";

/**
 * SECRET_KEY when set; otherwise (outside production, where config refuses its absence) the key
 * generated on the first start and kept in the data folder, so people's stored Freshdesk keys
 * stay readable across restarts. The file is created exclusively with mode 0600: two starts
 * racing in one folder end up with the same key.
 */
export function resolveSecretKey(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, SECRET_KEY_FILE);
  try {
    writeFileSync(path, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(path, "utf8").trim();
}
