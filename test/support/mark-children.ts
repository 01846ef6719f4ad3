import { ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import { inject } from "vitest";
import { startTimeOf, TEST_RUN_ENV } from "./process-leaks.ts";

/**
 * A vitest setup file: every child process a test starts (spawn, fork, exec, execFile, and so
 * the children of those that keep their environment) carries this run's id, even when the test
 * passes an environment of its own, and is written to the run's registry. process-leaks.ts finds
 * leftovers by them at the end of the run.
 * All of node:child_process's asynchronous functions end in ChildProcess.prototype.spawn, with the
 * environment already flattened into `envPairs`.
 */
const marked = Symbol.for("freshdesk-triage.mark-children");
const proto = ChildProcess.prototype as unknown as {
  spawn(options: { envPairs?: string[] }): unknown;
  [marked]?: true;
};

if (!proto[marked]) {
  const mark = `${TEST_RUN_ENV}=${inject("testRunId")}`;
  const registry = inject("testRunRegistry");
  const spawn = proto.spawn;
  proto.spawn = function (this: { pid?: number }, options) {
    if (Array.isArray(options?.envPairs)) {
      options.envPairs = [...options.envPairs.filter((pair) => !pair.startsWith(`${TEST_RUN_ENV}=`)), mark];
    }
    const result = spawn.call(this, options);
    const startedAt = this.pid === undefined ? undefined : startTimeOf(this.pid);
    if (startedAt) appendFileSync(registry, `${this.pid} ${startedAt}\n`);
    return result;
  };
  proto[marked] = true;
}
