import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("../fixtures/push-requests.ts", import.meta.url));

export type PushSummary = { completed: number; failures: Record<string, number> };

/** Runs one push-requests.ts child process (a separate Node process, its own Redis connection). */
export function runPusher(options: Record<string, unknown>): Promise<PushSummary> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(options)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`push-requests exited with ${code}: ${stderr.slice(-2000)}`));
      try {
        resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as PushSummary);
      } catch {
        reject(new Error(`push-requests printed no summary: ${stdout.slice(-500)} ${stderr.slice(-500)}`));
      }
    });
  });
}
