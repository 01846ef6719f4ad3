import type { TriageResultStore } from "../queue/triage-results.ts";
import type { TicketClassifier } from "../triage/classify.ts";
import type { Metrics } from "./metrics.ts";

/**
 * Decorators that measure the triage pipeline from the outside: the worker wraps the parts it
 * hands to the processor, so the processor itself carries no instrumentation.
 */

type StepObserver = (step: string, seconds: number) => void;

async function timed<T>(step: string, observe: StepObserver, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    observe(step, (performance.now() - started) / 1000);
  }
}

/** A copy of `target` whose named async methods report their duration as pipeline steps. */
export function timeSteps<T extends object>(
  target: T,
  steps: Partial<Record<keyof T & string, string>>,
  observe: StepObserver,
): T {
  const wrapped = { ...target } as Record<string, unknown>;
  for (const [method, step] of Object.entries(steps) as Array<[keyof T & string, string]>) {
    const original = target[method];
    if (typeof original !== "function") throw new TypeError(`${method} is not a method`);
    wrapped[method] = (...args: unknown[]) =>
      timed(step, observe, () => Promise.resolve(original.apply(target, args)));
  }
  return wrapped as T;
}

/** Times the classify step and counts which engine answered and every fallback. */
export function observeClassifier(classifier: TicketClassifier, metrics: Metrics): TicketClassifier {
  return {
    async classify(ticket, context) {
      const outcome = await timed("classify", metrics.step, () => classifier.classify(ticket, context));
      metrics.classified(outcome);
      return outcome;
    },
  };
}

/** Times the record step and counts each recorded run's outcome and field decisions. */
export function observeTriageResults(store: TriageResultStore, metrics: Metrics): TriageResultStore {
  return {
    ...store,
    async record(run) {
      await timed("record", metrics.step, () => store.record(run));
      metrics.triageRecorded(run);
    },
  };
}
