// `npm run bench:docs`: rewrites docs/benchmarks.md from bench/results/latest.json.
import { writeBenchmarksDoc } from "./support/benchmarks-doc.ts";
import { repoPath } from "./support/processes.ts";

writeBenchmarksDoc(repoPath("bench/results/latest.json"), repoPath("docs/benchmarks.md"));
console.log("docs/benchmarks.md rewritten from bench/results/latest.json");
