/** Settings shared by every benchmark, from the command line (see bench/run.ts). */
export type BenchOptions = {
  /** Shorter runs for a smoke check of the benchmarks themselves; figures are not comparable. */
  quick: boolean;
  /** The budget benchmark's rate-limit window in ms (60 000 = Freshdesk's real minute). */
  budgetWindowMs: number;
};
