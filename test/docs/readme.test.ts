import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderBenchmarksDoc, type StoredResults } from "../../bench/support/benchmarks-doc.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const readme = read("README.md");

describe("README", () => {
  const headings = readme.split("\n").filter((line) => line.startsWith("## "));

  it("has each section once, in the order a user needs them", () => {
    expect(new Set(headings).size).toBe(headings.length);
    const wanted = [
      "Quick start",
      "Connect your Freshdesk",
      "Connect MCP clients",
      "Configure",
      "Deploy",
      "Operate",
      "Quality",
    ];
    const positions = wanted.map((title) => headings.indexOf(`## ${title}`));
    expect(
      positions.every((p) => p >= 0),
      `missing: ${wanted.filter((_, i) => positions[i]! < 0)}`,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("lists every section in its contents", () => {
    for (const heading of headings.filter((h) => h !== "## Contents")) {
      const anchor = heading
        .slice(3)
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, "")
        .replace(/ /g, "-");
      expect(readme, heading).toContain(`(#${anchor})`);
    }
  });

  it("states the Node.js version package.json's engines ask for", () => {
    const engines = JSON.parse(read("package.json")).engines.node as string;
    const major = /^>=(\d+)/.exec(engines)?.[1];
    expect(readme).toContain(`Node.js ${major} or newer`);
  });

  it("links only to files that exist in the repository", () => {
    const links = [...readme.matchAll(/\]\((?!https?:|#)([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(links).toContain("docs/architecture.md");
    for (const link of links) expect(existsSync(join(root, link.split("#")[0]!)), link).toBe(true);
    expect(readme).not.toContain("DESIGN.md");
  });

  it("pins the MCP Inspector version in every command", () => {
    const commands = [...readme.matchAll(/npx[^\n]*@modelcontextprotocol\/inspector[^\s]*/g)].map(
      (m) => m[0],
    );
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command).toMatch(/inspector@\d+\.\d+\.\d+/);
  });
});

describe("docs/benchmarks.md", () => {
  it("is exactly what bench/results/latest.json renders to", () => {
    const stored = JSON.parse(read("bench/results/latest.json")) as StoredResults;
    expect(Object.keys(stored.benchmarks).length).toBeGreaterThan(0);
    expect(read("docs/benchmarks.md")).toBe(renderBenchmarksDoc(stored));
  });
});
