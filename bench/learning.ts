import { performance } from "node:perf_hooks";
import { loadLabelledFile } from "../src/eval/load.ts";
import {
  decideFields,
  type LabelledTicket,
  LEARNED_FIELDS,
  learn,
  predictFields,
  serializeModel,
  stratifiedFolds,
} from "../src/learning/index.ts";
import { LABELLED_EXAMPLES } from "../src/triage/examples.ts";
import type { BenchOptions } from "./options.ts";
import { trainNaiveBayes } from "./support/naive-bayes-baseline.ts";
import { type BenchResult, type Figure, figure } from "./support/report.ts";

const TARGET_PRECISION = 0.9;

/**
 * The learned classifier against today's naive Bayes, trained on the same rows: 5-fold group
 * top-1 accuracy on a labelled file (`--learning-data FILE`), then training time on 10,000
 * tickets, prediction time per ticket and the stored model's size.
 */
export async function learningBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const figures: Figure[] = [];
  const notes: string[] = [];

  const dataPath = options.learningData;
  let rows: LabelledTicket[];
  if (dataPath) {
    rows = loadLabelledFile(dataPath).rows.flatMap((r) => (r.ticket ? [r.ticket] : []));
    notes.push(
      `accuracy on ${dataPath} (${rows.length} rows), stratified 5-fold, both trained on the same rows`,
    );
    figures.push(...crossValidate(rows, options.quick ? 2 : 5));
  } else {
    rows = synthetic(2000);
    notes.push("no --learning-data FILE: accuracy figures skipped; timings on generated tickets");
  }

  const big = Array.from(
    { length: options.quick ? 2000 : 10_000 },
    (_, i) => rows[i % rows.length] as LabelledTicket,
  );
  const t0 = performance.now();
  const model = learn(big, { targetPrecision: TARGET_PRECISION });
  const trainSeconds = (performance.now() - t0) / 1000;
  figures.push(
    figure(`training on ${big.length.toLocaleString("en-US")} tickets`, trainSeconds, "s", {
      target: { atMost: 60 },
    }),
  );

  const sample = rows.slice(0, 500);
  decideFields(model, sample[0] as LabelledTicket, { targetPrecision: TARGET_PRECISION }); // unpack once
  const t1 = performance.now();
  for (const ticket of sample) decideFields(model, ticket, { targetPrecision: TARGET_PRECISION });
  const predictMs = (performance.now() - t1) / sample.length;
  figures.push(
    figure("prediction (all three fields, with the decision)", predictMs, "ms/ticket", {
      target: { atMost: 2 },
    }),
  );

  const sizeMb = Buffer.byteLength(serializeModel(model)) / (1024 * 1024);
  figures.push(figure("serialised model", sizeMb, "MB", { target: { atMost: 20 } }));

  return {
    name: "learning",
    title: "Learned classifier (group, type, priority)",
    figures,
    notes,
    durationSeconds: (Date.now() - started) / 1000,
  };
}

function crossValidate(rows: LabelledTicket[], folds: number): Figure[] {
  const figures: Figure[] = [];
  const groupRows = rows.filter((r) => r.labels.group !== undefined);
  const assignment = stratifiedFolds(
    groupRows.map((r) => r.labels.group),
    folds,
    7,
  );
  const counts = Object.fromEntries(
    LEARNED_FIELDS.map((f) => [f, { n: 0, ours: 0, nb: 0, nbBest: 0, applied: 0, appliedRight: 0 }]),
  );
  for (let fold = 0; fold < folds; fold++) {
    const train = groupRows.filter((_, i) => assignment[i] !== fold);
    const test = groupRows.filter((_, i) => assignment[i] === fold);
    const model = learn(train, { targetPrecision: TARGET_PRECISION, seed: fold + 1 });
    for (const field of LEARNED_FIELDS) {
      if (!train.some((r) => r.labels[field] !== undefined)) continue;
      const nb = trainNaiveBayes(train, field);
      const c = counts[field] as Tally;
      for (const ticket of test) {
        const label = ticket.labels[field];
        if (label === undefined) continue;
        c.n++;
        const predictions = predictFields(model, ticket);
        if (predictions[field]?.value === label) c.ours++;
        if (nb.predict(ticket) === String(label)) c.nb++;
        if (nb.predictBest(ticket) === String(label)) c.nbBest++;
        const decision = decideFields(model, ticket, { targetPrecision: TARGET_PRECISION, predictions })[
          field
        ];
        if (decision.applied) {
          c.applied++;
          if (decision.value === label) c.appliedRight++;
        }
      }
    }
  }
  for (const field of LEARNED_FIELDS) {
    const c = counts[field] as Tally;
    if (c.n === 0) continue;
    const baseline = { label: "naive Bayes as the service runs it, same rows", value: c.nb / c.n };
    figures.push(
      figure(`${field} top-1 accuracy`, c.ours / c.n, "share", {
        baseline,
        ...(field === "group" ? { target: { atLeast: Math.round((c.nb / c.n + 0.1) * 1000) / 1000 } } : {}),
      }),
    );
    figures.push(
      figure(`${field} top-1 accuracy (vs naive Bayes' best guess)`, c.ours / c.n, "share", {
        baseline: { label: "naive Bayes top score, no fallback", value: c.nbBest / c.n },
      }),
    );
    figures.push(figure(`${field} auto-applied (coverage)`, c.applied / c.n, "share"));
    if (c.applied)
      figures.push(
        figure(`${field} precision when applied`, c.appliedRight / c.applied, "share", {
          target: { atLeast: 0.85 },
        }),
      );
  }
  return figures;
}

type Tally = { n: number; ours: number; nb: number; nbBest: number; applied: number; appliedRight: number };

/** Tickets recombined from the built-in examples, for timing only. */
function synthetic(count: number): LabelledTicket[] {
  return Array.from({ length: count }, (_, i) => {
    const a = LABELLED_EXAMPLES[i % LABELLED_EXAMPLES.length];
    const b = LABELLED_EXAMPLES[(i * 7 + 3) % LABELLED_EXAMPLES.length];
    return {
      subject: a?.subject ?? "",
      description: `${a?.text ?? ""} ${b?.text ?? ""} ref ${i}`,
      labels: { group: a?.category, type: b?.category, priority: ((i % 4) + 1) as 1 | 2 | 3 | 4 },
    };
  });
}
