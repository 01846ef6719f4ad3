import type { ChildProcess } from "node:child_process";

/**
 * Stops a child spawned with `detached: true` together with everything it started (its process
 * group), and waits for it. `npm run x` runs x through a shell, so killing npm alone would leave
 * the service running.
 */
export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
  await exited;
}
