import { z } from "zod";
import type { KeptShares } from "./overrides.ts";
import { LEARNED_FIELDS, type LearnedField, type LearnedModel } from "./types.ts";

/**
 * The quality figures the activity page, /metrics and `GET /admin/quality` all show: the model
 * in use (version, how many tickets it learned from, each field's measured precision and
 * coverage on held-out history) and, per field, the share of applied values agents left
 * unchanged over the last 7 and 30 days.
 */

const keptShareSchema = z.object({
  applied: z.number().int().describe("Values triage applied in the window."),
  changed: z.number().int().describe("Of those, how many an agent changed since."),
  keptShare: z.number().nullable().describe("Share left unchanged; null when nothing was applied."),
});
const keptWindowsSchema = z.object({ last7Days: keptShareSchema, last30Days: keptShareSchema });

const fieldFiguresSchema = z.object({
  precision: z
    .number()
    .nullable()
    .describe(
      "Share right among the values the model would apply, on held-out history; null if it applies none.",
    ),
  coverage: z.number().describe("Share of held-out tickets on which the model would apply a value."),
  accuracy: z.number().describe("Top-1 accuracy on held-out tickets, applied or not."),
  threshold: z.number().nullable().describe("The confidence from which values are applied; null = never."),
  heldOut: z.number().int().describe("Held-out labelled tickets the figures come from."),
});
export type FieldFigures = z.infer<typeof fieldFiguresSchema>;

/** The report's schema for a product's learned fields (the keys of `fields` and `keptUnchanged`). */
export function qualityReportSchemaFor<const F extends string>(fieldList: readonly F[]) {
  const perField = <S extends z.ZodType>(schema: S) =>
    z.object(Object.fromEntries(fieldList.map((field) => [field, schema])) as Record<F, S>);
  return z.object({
    at: z.string().describe("When the figures were read (ISO 8601)."),
    targetPrecision: z
      .number()
      .describe("TRIAGE_TARGET_PRECISION: the precision a field must show to be applied."),
    applyUnmeasured: z
      .boolean()
      .describe("TRIAGE_APPLY_UNMEASURED: whether unmeasured values are applied anyway."),
    model: z
      .object({
        version: z.union([z.number(), z.string()]),
        trainedAt: z.string(),
        learnedFrom: z.number().int().describe("Labelled tickets the model learned from."),
        fields: perField(fieldFiguresSchema.nullable()).describe(
          "Per field; null where there was not enough history to measure it.",
        ),
      })
      .nullable()
      .describe("The learned model in use; null until one has been learned from the account's history."),
    keptUnchanged: perField(keptWindowsSchema).describe(
      "Per field, applied values agents left unchanged over the last 7 and 30 days.",
    ),
  });
}

/** Freshdesk's report (group, type, priority). */
export const qualityReportSchema = qualityReportSchemaFor(LEARNED_FIELDS);

type KeptWindows = z.infer<typeof keptWindowsSchema>;
/** The report for a product's learned fields; Freshdesk's by default. */
export type QualityReport<F extends string = LearnedField> = {
  at: string;
  targetPrecision: number;
  applyUnmeasured: boolean;
  model: {
    version: number | string;
    trainedAt: string;
    learnedFrom: number;
    fields: Record<F, FieldFigures | null>;
  } | null;
  keptUnchanged: Record<F, KeptWindows>;
};

/** The registry's version in use, as far as the report needs it. */
export type ModelInUse = {
  version: number | string;
  model: LearnedModel;
  learnedFrom: number;
  trainedAt?: string | undefined;
  /** Figures measured when the version was promoted; preferred over the model's inner split. */
  heldOut?:
    | Partial<Record<string, { precision: number | null; coverage: number; accuracy: number; n: number }>>
    | undefined;
};

export type QualitySources<F extends string = LearnedField> = {
  models?: { current(): Promise<ModelInUse | undefined> } | undefined;
  overrides: { keptShares(now: Date): Promise<KeptShares<F>> };
  targetPrecision: number;
  applyUnmeasured: boolean;
  now?: () => Date;
  /** The product's learned fields (Freshdesk's by default). */
  fields?: readonly F[] | undefined;
};

export function createQualityReader<F extends string = LearnedField>(
  sources: QualitySources<F>,
): () => Promise<QualityReport<F>> {
  const now = sources.now ?? (() => new Date());
  const fieldList = sources.fields ?? (LEARNED_FIELDS as readonly string[] as readonly F[]);
  return async () => {
    const at = now();
    const [inUse, kept] = await Promise.all([sources.models?.current(), sources.overrides.keptShares(at)]);
    return {
      at: at.toISOString(),
      targetPrecision: sources.targetPrecision,
      applyUnmeasured: sources.applyUnmeasured,
      model: inUse ? modelFigures(inUse, fieldList) : null,
      keptUnchanged: kept,
    };
  };
}

function modelFigures<F extends string>(
  inUse: ModelInUse,
  fieldList: readonly F[],
): NonNullable<QualityReport<F>["model"]> {
  const fields = {} as Record<F, FieldFigures | null>;
  for (const field of fieldList) {
    const learned = inUse.model.fields[field];
    if (!learned) {
      fields[field] = null;
      continue;
    }
    const measured = inUse.heldOut?.[field] ?? learned.calibration.heldOut;
    fields[field] = {
      precision: measured.precision,
      coverage: measured.coverage,
      accuracy: measured.accuracy,
      threshold: learned.calibration.threshold,
      heldOut: measured.n,
    };
  }
  return {
    version: inUse.version,
    trainedAt: inUse.trainedAt ?? inUse.model.trainedAt,
    learnedFrom: inUse.learnedFrom,
    fields,
  };
}

/**
 * Resolves once a learned model is in use, or after `timeoutMs` without one (false then): the
 * zero-config start creates its demo tickets after the first model, so they show it at work.
 */
export async function waitForFirstModel(
  read: () => Promise<QualityReport<string>>,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if ((await read().catch(() => undefined))?.model) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
  }
}
