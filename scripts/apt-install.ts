// Installs Debian packages when we run as root on a machine with apt-get (a fresh container or
// CI box); anywhere else it reports that it could not, and the caller explains what to do.
import { spawnSync } from "node:child_process";

export function canAptInstall(): boolean {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return isRoot && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

export function aptInstall(packages: readonly string[]): boolean {
  if (!canAptInstall()) return false;
  console.error(`Installing Debian package(s) ${packages.join(", ")} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  return (
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env }).status === 0 &&
    spawnSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: "inherit", env }).status === 0
  );
}
