import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/faults/**", "node_modules/**"],
    // process-leaks first: its teardown runs last and fails the run if a test left a process behind.
    globalSetup: ["test/support/process-leaks.ts", "test/support/global-setup.ts"],
    setupFiles: ["test/support/mark-children.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    env: { LOG_LEVEL: "silent" },
  },
});
