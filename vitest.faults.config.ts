import { defineConfig } from "vitest/config";

/**
 * The fault suite (`npm run test:faults`): real processes killed, paused and starved on
 * purpose. Each file starts its own redis-server, sandbox, web and worker processes, so files
 * run one at a time to keep the timing bounds they assert meaningful on a small machine.
 */
export default defineConfig({
  test: {
    include: ["test/faults/**/*.test.ts"],
    // Fails the run if a scenario left a process behind.
    globalSetup: ["test/support/process-leaks.ts"],
    setupFiles: ["test/support/mark-children.ts"],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
    env: { LOG_LEVEL: "silent" },
  },
});
