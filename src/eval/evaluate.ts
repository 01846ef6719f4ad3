import { decideFields } from "../learning/decide.ts";
import { plainText } from "../learning/features.ts";
import { stratifiedFolds } from "../learning/folds.ts";
import { learn, predictFields } from "../learning/learn.ts";
import { measureLlm } from "../learning/llm-calibration.ts";
import { buildSimilarIndex, similarTickets } from "../learning/similar.ts";
import {
  type Decisions,
  type FieldPredictions,
  type FieldValue,
  type LabelledTicket,
  LEARNED_FIELDS,
  type LearnedField,
  type LearnedModel,
  type LlmCalibration,
  type TicketText,
} from "../learning/types.ts";
import { createLocalClassifier } from "../triage/local-classifier.ts";
import { findCategory, type Taxonomy } from "../triage/taxonomy.ts";
import type { TicketSnapshot } from "../triage/ticket-snapshot.ts";
import type { RowOutcome } from "./figures.ts";
import type { LoadedRow } from "./load.ts";

/**
 * The two ways `npm run eval` measures: stratified K-fold on labelled rows (train on the other
 * folds, thresholds chosen inside `learn` on the training folds only, decide the held-out fold),
 * and zero-shot from a taxonomy alone. Both end in `decideFields`, the worker's own decision.
 */

export type LlmAnswers = Partial<Record<string, { value: FieldValue }>>;

/** The language model as a second engine: undefined when it could not answer (failure, budget spent). */
export type LlmEngine = {
  answer(ticket: LabelledTicket, similar: readonly LabelledTicket[]): Promise<LlmAnswers | undefined>;
};

export type EvalSettings = {
  folds: number;
  targetPrecision: number;
  applyUnmeasured: boolean;
  seed: number;
  urgentSignals?: readonly string[] | undefined;
  llm?: LlmEngine | undefined;
  /** Labelled training rows per fold on which the LLM is calibrated (out of the fold's model). */
  llmCalibrationRows: number;
  similarK: number;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** The product's learned fields (Freshdesk's by default). */
  fields?: readonly string[] | undefined;
};

export type EvalRun = {
  outcomes: RowOutcome[];
  /** Per field, the threshold each fold's model chose (null: never applied in that fold). */
  thresholds: Record<string, Array<number | null>>;
  llmCalibrations: LlmCalibration[];
};

const NO_GROUP = "\u0000none";

export async function crossValidate(rows: readonly LoadedRow[], settings: EvalSettings): Promise<EvalRun> {
  const fields = settings.fields ?? LEARNED_FIELDS;
  const usable = rows.filter((r): r is LoadedRow & { ticket: LabelledTicket } => r.ticket !== undefined);
  const stratum = stratifyField(
    usable.map((r) => r.ticket),
    fields,
  );
  const assignment = stratifiedFolds(
    usable.map((r) => r.ticket.labels[stratum] ?? NO_GROUP),
    settings.folds,
    settings.seed,
  );
  const outcomes: RowOutcome[] = [];
  const thresholds = emptyThresholds(fields);
  const llmCalibrations: LlmCalibration[] = [];
  // Training a fold counts as much as deciding its rows, so the bar moves while models are fitted.
  const total = 2 * usable.length + (settings.llm ? settings.folds * settings.llmCalibrationRows : 0);
  let done = 0;
  const tick = () => settings.onProgress?.(++done, total);

  for (let fold = 0; fold < settings.folds; fold++) {
    const test = usable.filter((_, i) => assignment[i] === fold);
    let train = usable.filter((_, i) => assignment[i] !== fold).map((r) => r.ticket);
    if (test.length === 0) continue;

    // The LLM's calibration sample is held out of this fold's model, so agreement is measured
    // against predictions the model made without seeing those rows.
    let sample: LabelledTicket[] = [];
    if (settings.llm && settings.llmCalibrationRows > 0) {
      const take = Math.min(settings.llmCalibrationRows, Math.floor(train.length / 4));
      sample = train.slice(0, take);
      train = train.slice(take);
    }
    const model = learn(train, {
      targetPrecision: settings.targetPrecision,
      seed: settings.seed + fold,
      urgentSignals: settings.urgentSignals,
      fields,
    });
    for (const f of fields) thresholds[f]?.push(model.fields[f]?.calibration.threshold ?? null);
    done += test.length;
    settings.onProgress?.(done, total);

    let llmCalibration: LlmCalibration | undefined;
    const index = settings.llm ? buildSimilarIndex(train) : undefined;
    if (settings.llm && index) {
      const samples = [];
      for (const ticket of sample) {
        const similar = similarTickets(index, ticket, settings.similarK).map((s) => s.ticket);
        const answer = await settings.llm.answer(ticket, similar);
        tick();
        if (answer) samples.push({ labels: ticket.labels, llm: answer, model: predictFields(model, ticket) });
      }
      llmCalibration = measureLlm(samples, fields);
      llmCalibrations.push(llmCalibration);
    }

    for (const row of test) {
      let llm: LlmAnswers | undefined;
      if (settings.llm && index) {
        const similar = similarTickets(index, row.ticket, settings.similarK).map((s) => s.ticket);
        llm = await settings.llm.answer(row.ticket, similar);
      }
      const { predictions, decisions } = decideHeldOut(
        model,
        row.ticket,
        { ...settings, fields },
        llm,
        llmCalibration,
      );
      const scores: Partial<Record<string, number>> = {};
      for (const f of fields) {
        const p = predictions[f];
        if (p) scores[f] = p.score;
      }
      outcomes.push({ row: row.row, decisions, scores });
      tick();
    }
  }
  return { outcomes, thresholds, llmCalibrations };
}

/**
 * The field folds are stratified on: Freshdesk's group, as always; for other field lists the
 * field with the most labelled rows (ties: the list's order), so a file labelled only with
 * categories still gets balanced folds.
 */
function stratifyField(tickets: readonly LabelledTicket[], fields: readonly string[]): string {
  if (fields.every((f) => (LEARNED_FIELDS as readonly string[]).includes(f))) return "group";
  let best = fields[0] ?? "group";
  let most = -1;
  for (const field of fields) {
    const n = tickets.filter((t) => t.labels[field] !== undefined).length;
    if (n > most) {
      best = field;
      most = n;
    }
  }
  return best;
}

/**
 * One held-out ticket's decision: `decideFields` with the fold's model, exactly as the worker
 * calls it, so `applied` in `--predictions` is what the service does for the same text.
 */
export function decideHeldOut<F extends string = LearnedField>(
  model: LearnedModel,
  ticket: TicketText,
  settings: Pick<EvalSettings, "targetPrecision" | "applyUnmeasured"> & { fields?: readonly F[] | undefined },
  llm?: LlmAnswers,
  llmCalibration?: LlmCalibration,
): { predictions: FieldPredictions; decisions: Decisions<F> } {
  const predictions = predictFields(model, ticket);
  const decisions = decideFields<F>(model, ticket, {
    targetPrecision: settings.targetPrecision,
    applyUnmeasured: settings.applyUnmeasured,
    predictions,
    llm,
    llmCalibration,
    fields: settings.fields ?? (LEARNED_FIELDS as readonly string[] as readonly F[]),
  });
  return { predictions, decisions };
}

/** A new account: nothing learned, only the taxonomy (and the LLM, if asked). */
export async function zeroShot(
  rows: readonly LoadedRow[],
  taxonomy: Taxonomy,
  settings: Pick<EvalSettings, "targetPrecision" | "applyUnmeasured" | "llm" | "onProgress" | "fields">,
): Promise<EvalRun> {
  const fields = settings.fields ?? LEARNED_FIELDS;
  const local = createLocalClassifier(taxonomy);
  const usable = rows.filter((r): r is LoadedRow & { ticket: LabelledTicket } => r.ticket !== undefined);
  const outcomes: RowOutcome[] = [];
  let done = 0;
  for (const row of usable) {
    const prediction = local.classify(snapshot(row.ticket));
    const category = findCategory(taxonomy, prediction.category);
    // The taxonomy speaks of group, type and priority only; other fields have no zero-shot value.
    const unmeasured: Partial<Record<string, { value: FieldValue; score: number }>> = {
      priority: { value: prediction.priority.value, score: prediction.confidence },
    };
    if (category?.group) unmeasured.group = { value: category.group, score: prediction.confidence };
    if (category?.type) unmeasured.type = { value: category.type, score: prediction.confidence };
    const llm = settings.llm ? await settings.llm.answer(row.ticket, []) : undefined;
    const decisions = decideFields<string>(undefined, row.ticket, {
      targetPrecision: settings.targetPrecision,
      applyUnmeasured: settings.applyUnmeasured,
      unmeasured,
      llm,
      fields,
    });
    outcomes.push({
      row: row.row,
      decisions,
      scores: { group: prediction.confidence, type: prediction.confidence, priority: prediction.confidence },
    });
    settings.onProgress?.(++done, usable.length);
  }
  return { outcomes, thresholds: emptyThresholds(fields), llmCalibrations: [] };
}

/** The triage steps' view of a labelled row: only the text matters to the classifier. */
export function snapshot(ticket: LabelledTicket): TicketSnapshot {
  return {
    id: typeof ticket.id === "number" ? ticket.id : 0,
    subject: ticket.subject,
    descriptionText: plainText(ticket.description),
    priority: 1,
    groupId: null,
    responderId: null,
    type: null,
    tags: ticket.tags ?? [],
    status: 2,
    source: 1,
    spam: false,
    createdAt: ticket.createdAt ?? new Date(0).toISOString(),
    customerMessages: [],
  };
}

function emptyThresholds(fields: readonly string[]): Record<string, Array<number | null>> {
  return Object.fromEntries(fields.map((field) => [field, []]));
}
