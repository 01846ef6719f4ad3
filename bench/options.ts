/** Settings shared by every benchmark, from the command line (see bench/run.ts). */
export type BenchOptions = {
  /** Shorter runs for a smoke check of the benchmarks themselves; figures are not comparable. */
  quick: boolean;
  /** The budget benchmark's rate-limit window in ms (60 000 = Freshdesk's real minute). */
  budgetWindowMs: number;
  /** WORKER_CONCURRENCY of the end-to-end benchmark's service (8, the service's default, unless set). */
  workerConcurrency: number;
  /** A labelled JSONL or CSV file for the learning benchmark's accuracy figures (kept outside the repository). */
  learningData?: string | undefined;
};
