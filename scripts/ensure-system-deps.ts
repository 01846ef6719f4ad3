// Makes sure the system programs a command needs exist before it runs:
//   node scripts/ensure-system-deps.ts redis            (npm start, npm run demo)
//   node scripts/ensure-system-deps.ts redis chromium   (npm test: the browser tests drive Chromium)
// As root on Debian it installs what is missing with apt-get; anywhere else it explains what to
// do. Redis is required (unless REDIS_URL points at one); without Chromium only the browser tests
// are skipped, so its absence is a warning.
import { REDIS_MISSING_HELP, redisServerAvailable } from "../src/embedded/redis-server.ts";
import { aptInstall } from "./apt-install.ts";
import { CHROMIUM_MISSING_HELP, ensureChromium } from "./ensure-chromium.ts";

const KNOWN = new Set(["redis", "chromium"]);
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !KNOWN.has(name));
if (wanted.length === 0 || unknown.length > 0) {
  console.error(
    `usage: ensure-system-deps.ts redis [chromium]${unknown.length ? ` (unknown: ${unknown.join(", ")})` : ""}`,
  );
  process.exit(2);
}

if (wanted.includes("redis") && !process.env.REDIS_URL && !redisServerAvailable()) {
  if (!aptInstall(["redis-server"]) || !redisServerAvailable()) {
    console.error(REDIS_MISSING_HELP);
    process.exit(1);
  }
}

if (wanted.includes("chromium") && !ensureChromium()) {
  console.error(`warning: ${CHROMIUM_MISSING_HELP} Until then the browser tests are skipped.`);
}
