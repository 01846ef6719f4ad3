// `npm run eval -- --data FILE [--product freshdesk|freshservice] [--folds K] [--zero-shot --taxonomy FILE]
//   [--engine local|llm] [--budget-usd N] [--predictions FILE] [--json] [--report FILE.html] [--strict]`
// Measures triage on a labelled export with the decision the worker makes. See --help.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { loadConfig } from "../config.ts";
import { ConfigError } from "../errors.ts";
import { learnedFieldsFor } from "../learning/types.ts";
import { PRODUCTS, type Product } from "../product.ts";
import { DEFAULT_TAXONOMY, type Taxonomy } from "../triage/taxonomy.ts";
import { loadTriageConfig } from "../triage/triage-config.ts";
import { EvalInputError } from "./errors.ts";
import { crossValidate, type EvalRun, zeroShot } from "./evaluate.ts";
import { allFieldFigures } from "./figures.ts";
import { type CountingLlmEngine, createLlmEngine, taxonomyFromGroups } from "./llm-engine.ts";
import { loadLabelledFile } from "./load.ts";
import { predictionLines } from "./predictions.ts";
import { htmlReport } from "./report-html.ts";
import { textReport } from "./report-text.ts";
import type { EvalSummary } from "./summary.ts";

const HELP = `Usage: npm run eval -- --data FILE [options]

  --data FILE             labelled tickets: JSONL (one object a line) or CSV, with subject, description
                          and any of group, type, priority (1-4 or Low/Medium/High/Urgent); for
                          Freshservice also category, sub_category, item_category, urgency and
                          impact (1-3 or Low/Medium/High)
  --product P             freshdesk or freshservice: whose fields to measure (default: freshservice
                          when the data has any of its own label columns, else freshdesk)
  --folds K               stratified K-fold cross-validation (default 5)
  --zero-shot             no training: only the taxonomy, as for a new account (needs --taxonomy)
  --taxonomy FILE         a TRIAGE_CONFIG file (its categories' group and type; its urgent signals)
  --engine local|llm      llm: also ask the configured OpenAI-compatible model (OPENAI_API_KEY, ...)
  --budget-usd N          stop calling the model once this much is spent (default 1)
  --price-input N         US dollars per million input tokens (default 0.15)
  --price-output N        US dollars per million output tokens (default 0.60)
  --target-precision P    auto-apply target (default TRIAGE_TARGET_PRECISION or 0.9)
  --apply-unmeasured      apply values that history has not measured (TRIAGE_APPLY_UNMEASURED)
  --predictions FILE      one JSON line per input record, in input order
  --json                  print a machine-readable summary instead of the text report
  --report FILE.html      write a self-contained HTML report with charts
  --strict                stop at the first malformed record instead of skipping it
  --seed N                fold shuffling seed (default 1)`;

async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      data: { type: "string" },
      product: { type: "string" },
      folds: { type: "string", default: "5" },
      "zero-shot": { type: "boolean", default: false },
      taxonomy: { type: "string" },
      engine: { type: "string", default: "local" },
      "budget-usd": { type: "string", default: "1" },
      "price-input": { type: "string", default: "0.15" },
      "price-output": { type: "string", default: "0.60" },
      "target-precision": { type: "string" },
      "apply-unmeasured": { type: "boolean", default: false },
      predictions: { type: "string" },
      json: { type: "boolean", default: false },
      report: { type: "string" },
      strict: { type: "boolean", default: false },
      seed: { type: "string", default: "1" },
      "llm-calibration-rows": { type: "string", default: "40" },
      similar: { type: "string", default: "5" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (!values.data) throw new EvalInputError("--data FILE is required (a labelled JSONL or CSV export).");
  const engine = values.engine;
  if (engine !== "local" && engine !== "llm")
    throw new EvalInputError(`--engine must be local or llm, not "${engine}".`);
  const askedProduct = values.product?.trim().toLowerCase();
  if (askedProduct !== undefined && !(PRODUCTS as readonly string[]).includes(askedProduct)) {
    throw new EvalInputError(`--product must be ${PRODUCTS.join(" or ")}, not "${values.product}".`);
  }
  if (values["zero-shot"] && !values.taxonomy) {
    throw new EvalInputError("--zero-shot needs --taxonomy FILE (a TRIAGE_CONFIG file).");
  }
  const folds = integer("--folds", values.folds, 2, 50);
  const seed = integer("--seed", values.seed, 0, 2 ** 31);
  const config = loadConfig(process.env);
  const targetPrecision =
    values["target-precision"] === undefined
      ? config.triage.targetPrecision
      : number("--target-precision", values["target-precision"], 0.5, 0.999);
  const applyUnmeasured = values["apply-unmeasured"] || config.triage.applyUnmeasured;
  const taxonomy = readTaxonomy(values.taxonomy);

  const data = loadLabelledFile(values.data, {
    strict: values.strict,
    product: askedProduct as Product | undefined,
  });
  const fields = learnedFieldsFor(data.product);
  const usable = data.rows.filter((r) => r.ticket);
  if (usable.length === 0) {
    throw new NothingEvaluated(
      `${values.data} has no usable records (${data.rows.length} records, all malformed).`,
    );
  }
  if (!values["zero-shot"] && usable.length < folds) {
    throw new NothingEvaluated(
      `--folds ${folds} needs at least ${folds} usable records; ${values.data} has ${usable.length}.`,
    );
  }

  let llm: CountingLlmEngine | undefined;
  const budgetUsd = number("--budget-usd", values["budget-usd"], 0, 10_000);
  if (engine === "llm") {
    if (!config.openai.apiKey)
      throw new EvalInputError("--engine llm needs OPENAI_API_KEY (and OPENAI_BASE_URL for other servers).");
    const groups = [
      ...new Set(usable.map((r) => r.ticket?.labels.group).filter((g): g is string => !!g)),
    ].sort();
    llm = createLlmEngine({
      apiKey: config.openai.apiKey,
      baseUrl: config.openai.baseUrl,
      model: config.openai.model,
      timeoutMs: config.openai.timeoutMs,
      taxonomy: values.taxonomy ? taxonomy : taxonomyFromGroups(groups, taxonomy),
      budgetUsd,
      pricePerMillion: {
        input: number("--price-input", values["price-input"], 0, 1000),
        output: number("--price-output", values["price-output"], 0, 1000),
      },
    });
  }

  const progress = progressBar(!values.json || process.stderr.isTTY);
  let run: EvalRun;
  try {
    run = values["zero-shot"]
      ? await zeroShot(data.rows, taxonomy, {
          targetPrecision,
          applyUnmeasured,
          llm,
          onProgress: progress.update,
          fields,
        })
      : await crossValidate(data.rows, {
          folds,
          targetPrecision,
          applyUnmeasured,
          seed,
          urgentSignals: taxonomy.urgentSignals,
          llm,
          llmCalibrationRows: integer("--llm-calibration-rows", values["llm-calibration-rows"], 0, 10_000),
          similarK: integer("--similar", values.similar, 0, 50),
          onProgress: progress.update,
          fields,
        });
  } finally {
    progress.stop();
  }

  const figures = allFieldFigures(data.rows, run.outcomes, run.thresholds, fields);
  const summary: EvalSummary = {
    data: {
      file: values.data,
      format: data.format,
      records: data.rows.length,
      usable: usable.length,
      skipped: data.rows.filter((r) => r.error).map((r) => ({ line: r.line, error: r.error as string })),
      warnings: data.warnings,
    },
    product: data.product,
    mode: values["zero-shot"] ? "zero-shot" : "folds",
    folds: values["zero-shot"] ? null : folds,
    engine,
    targetPrecision,
    applyUnmeasured,
    fields: figures,
    evaluated: figures.filter((f) => !f.note).map((f) => f.field),
    llm: llm ? { ...llm.spend(), model: config.openai.model, budgetUsd } : undefined,
    durationSeconds: (performance.now() - started) / 1000,
  };

  if (values.predictions) writeOutput(values.predictions, predictionLines(data.rows, run.outcomes, fields));
  if (values.report) writeOutput(values.report, htmlReport(summary));
  out(values.json ? JSON.stringify(summary, null, 2) : textReport(summary));

  if (summary.evaluated.length === 0) {
    const why = figures.map((f) => `${f.field}: ${f.note}`).join("; ");
    err(`Nothing could be evaluated (${why}).`);
    return 1;
  }
  return 0;
}

class NothingEvaluated extends Error {}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function err(text: unknown): void {
  process.stderr.write(`${text instanceof Error ? (text.stack ?? text.message) : String(text)}\n`);
}

function readTaxonomy(path: string | undefined): Taxonomy {
  if (!path) return DEFAULT_TAXONOMY;
  try {
    return loadTriageConfig(path);
  } catch (error) {
    throw new EvalInputError(`--taxonomy ${path}: ${(error as Error).message}`);
  }
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new EvalInputError(`${flag} must be a whole number from ${min} to ${max}, not "${text}".`);
  }
  return value;
}

function number(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    throw new EvalInputError(`${flag} must be a number from ${min} to ${max}, not "${text}".`);
  }
  return value;
}

function writeOutput(path: string, content: string): void {
  try {
    writeFileSync(path, content);
  } catch (error) {
    throw new EvalInputError(`Cannot write ${path}: ${(error as Error).message}`);
  }
}

/** A bar on a terminal only; piped output and CI logs stay clean. */
function progressBar(wanted: boolean): { update: (done: number, total: number) => void; stop: () => void } {
  if (!wanted || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "evaluating [{bar}] {percentage}% | {value}/{total} | eta {eta}s",
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      err(`eval: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof EvalInputError || error instanceof NothingEvaluated) {
      err(`eval: ${error.message}`);
      process.exitCode = error instanceof NothingEvaluated ? 1 : 2;
      return;
    }
    if (error instanceof Error && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      err(`eval: ${error.message}\n\n${HELP}`);
      process.exitCode = 2;
      return;
    }
    err(error);
    process.exitCode = 1;
  },
);
