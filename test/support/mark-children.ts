import { ChildProcess } from "node:child_process";
import { inject } from "vitest";
import { TEST_RUN_ENV } from "./process-leaks.ts";

/**
 * A vitest setup file: every child process a test starts (spawn, fork, exec, execFile, and so
 * the children of those that keep their environment) carries this run's id, even when the test
 * passes an environment of its own. process-leaks.ts finds leftovers by it at the end of the run.
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
  const spawn = proto.spawn;
  proto.spawn = function (this: unknown, options) {
    if (Array.isArray(options?.envPairs)) {
      options.envPairs = [...options.envPairs.filter((pair) => !pair.startsWith(`${TEST_RUN_ENV}=`)), mark];
    }
    return spawn.call(this, options);
  };
  proto[marked] = true;
}
