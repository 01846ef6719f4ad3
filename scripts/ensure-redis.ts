// Makes sure a redis-server binary exists for the zero-config start and the test suite.
// On a fresh Debian machine where we run as root, it installs Debian's redis-server package;
// anywhere else it explains what to do. With REDIS_URL set, nothing is needed.
import { spawnSync } from "node:child_process";
import { REDIS_MISSING_HELP, redisServerAvailable } from "../src/embedded/redis-server.ts";

if (process.env.REDIS_URL || redisServerAvailable()) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
if (isRoot && hasApt) {
  console.error("redis-server is missing; installing Debian's redis-server package (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const ok =
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env }).status === 0 &&
    spawnSync("apt-get", ["install", "-y", "-qq", "redis-server"], { stdio: "inherit", env }).status === 0;
  if (ok && redisServerAvailable()) process.exit(0);
}
console.error(REDIS_MISSING_HELP);
process.exit(1);
