import { execFile } from "node:child_process";
import { resolve } from "node:path";

/** Runs the real `npm run eval` entry point (src/eval/main.ts) in a child process. */
export function runEval(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("OPENAI_") && !key.startsWith("TRIAGE_")),
  );
  return new Promise((done) => {
    execFile(
      process.execPath,
      [resolve(import.meta.dirname, "../../src/eval/main.ts"), ...args],
      { env: { ...clean, ...env }, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
