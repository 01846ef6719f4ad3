import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm ci` refuses a lock file that lacks an optional package a dependency names, even one for
 * another platform (a lock written on one machine with only its own platform's binaries). The
 * Docker image's install step and CI both use `npm ci`, so the lock must record them all.
 */
type LockEntry = { version?: string; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(join(import.meta.dirname, "../../package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};

/** The lock entry Node's resolution would find for `name` required from the package at `from`. */
function resolveFrom(from: string, name: string): LockEntry | undefined {
  let base = from;
  for (;;) {
    const entry = lock.packages[`${base ? `${base}/` : ""}node_modules/${name}`];
    if (entry || base === "") return entry;
    const parent = base.lastIndexOf("/node_modules/");
    base = parent < 0 ? "" : base.slice(0, parent);
  }
}

describe("package-lock.json", () => {
  it("records every optional package of every platform that a dependency names", () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!resolveFrom(path, name)) missing.push(`${name} (wanted by ${path || "the project"})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
