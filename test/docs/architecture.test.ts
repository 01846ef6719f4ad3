import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Repository paths a text names: `src/…`, `workers/…`, `test/…`, `bench/…` or `scripts/…` ending
 * in a file extension (a file) or a slash (a folder). Words glued to the front (`../src/x.ts`,
 * `@scope/src/x.ts`) are not repository paths and are left alone.
 */
function namedPaths(text: string): string[] {
  const found = text.matchAll(/(?<![\w.@/-])(?:src|workers|test|bench|scripts)\/[\w./-]*/g);
  const paths = [...found]
    .map((m) => m[0].replace(/\.+$/, ""))
    .filter((path) => path.endsWith("/") || /\.[A-Za-z0-9]+$/.test(path.split("/").at(-1) ?? ""));
  return [...new Set(paths)];
}

/** The named paths missing from the repository: a file that is not a file, a folder that is not a folder. */
function missingPaths(text: string, base = root): string[] {
  return namedPaths(text).filter((path) => {
    const full = join(base, path);
    if (!existsSync(full)) return true;
    return path.endsWith("/") ? !statSync(full).isDirectory() : !statSync(full).isFile();
  });
}

describe("docs/architecture.md", () => {
  it("finds the paths a text names, and reports those that do not exist", () => {
    const sample =
      "Config in src/config.ts. The workers/ folder, src/mcp/tools/ and src/nowhere/ folders; " +
      "workers/gone.ts and bench/results/none.json are missing; ../src/elsewhere.ts and " +
      "src/queue (no slash) are not paths of this repository.";
    expect(namedPaths(sample)).toEqual([
      "src/config.ts",
      "workers/",
      "src/mcp/tools/",
      "src/nowhere/",
      "workers/gone.ts",
      "bench/results/none.json",
    ]);
    expect(missingPaths(sample)).toEqual(["src/nowhere/", "workers/gone.ts", "bench/results/none.json"]);
    // A file named as a folder is not the folder it claims to be.
    expect(missingPaths("src/config.ts/")).toEqual(["src/config.ts/"]);
  });

  it("names only files and folders that exist", () => {
    const doc = readFileSync(join(root, "docs", "architecture.md"), "utf8");
    const named = namedPaths(doc);
    // A map that names almost nothing would pass vacuously.
    expect(named.length).toBeGreaterThan(100);
    expect(missingPaths(doc)).toEqual([]);
  });
});
