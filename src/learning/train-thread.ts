// Training is seconds of CPU: it runs on its own thread so webhooks and triage jobs on the
// calling thread never wait for it. The thread learns one model and exits.
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { type LearnOptions, learn } from "./learn.ts";
import { deserializeModel, serializeModel } from "./serialize.ts";
import type { LabelledTicket, LearnedModel } from "./types.ts";

type Job = {
  kind: "learning-train";
  examples: readonly LabelledTicket[];
  options: Omit<LearnOptions, "now"> & { now?: string };
};
type Answer = { ok: true; model: string } | { ok: false; message: string };

export function trainOnThread(
  examples: readonly LabelledTicket[],
  options: Job["options"],
  signal?: AbortSignal,
): Promise<LearnedModel> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const thread = new Worker(new URL(import.meta.url), {
      workerData: { kind: "learning-train", examples, options } satisfies Job,
    });
    let answered = false;
    const abort = () => {
      answered = true;
      void thread.terminate();
      reject(signal?.reason ?? new Error("training aborted"));
    };
    signal?.addEventListener("abort", abort, { once: true });
    thread.once("exit", () => signal?.removeEventListener("abort", abort));
    thread.once("message", (answer: Answer) => {
      if (answered) return;
      answered = true;
      if (answer.ok) resolve(deserializeModel(answer.model));
      else reject(new Error(`training failed: ${answer.message}`));
    });
    thread.once("error", (error) => {
      if (answered) return;
      answered = true;
      reject(error);
    });
    thread.once("exit", (code) => {
      if (!answered) reject(new Error(`the training thread exited (code ${code}) without a model`));
    });
  });
}

// Imported by a thread that is not a training one (the all-in-one worker thread), this does nothing.
if (!isMainThread && parentPort && (workerData as Partial<Job> | undefined)?.kind === "learning-train") {
  const { examples, options } = workerData as Job;
  let answer: Answer;
  try {
    const model = learn(examples, { ...options, now: options.now ? new Date(options.now) : undefined });
    answer = { ok: true, model: serializeModel(model) };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort.postMessage(answer);
}
