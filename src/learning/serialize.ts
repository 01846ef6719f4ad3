import { z } from "zod";
import { ALL_LEARNED_FIELDS, type LearnedModel } from "./types.ts";

/** A stored model that cannot be read back: wrong format, truncated, or from a newer version. */
export class ModelFormatError extends Error {
  override readonly name = "ModelFormatError";
}

const value = z.union([z.string(), z.number()]);
const counts = z.object({ n: z.number().int().min(0), correct: z.number().int().min(0) });

const fieldModel = z.object({
  classifier: z.object({
    classes: z.array(value).min(2),
    bits: z.number().int().min(8).max(24),
    buckets: z.string(),
    weights: z.string(),
    bias: z.string(),
  }),
  calibration: z.object({
    threshold: z.number().nullable(),
    targetPrecision: z.number(),
    curve: z.array(z.object({ score: z.number(), precision: z.number() })),
    bins: z.array(z.object({ lo: z.number(), hi: z.number(), n: z.number(), correct: z.number() })),
    heldOut: z.object({
      precision: z.number().nullable(),
      coverage: z.number(),
      accuracy: z.number(),
      n: z.number(),
    }),
    minEvidence: z.number().min(0).optional(),
  }),
  labelled: z.number().int().min(0),
});

const modelSchema = z.object({
  formatVersion: z.literal(1),
  trainedAt: z.string(),
  exampleCount: z.number().int().min(0),
  // Any product's fields; other keys are dropped as before.
  fields: z.object(Object.fromEntries(ALL_LEARNED_FIELDS.map((field) => [field, fieldModel.optional()]))),
  rules: z
    .object({
      urgent: counts
        .extend({
          phrases: z.array(z.string()),
          value: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
          lowerBound: z.number(),
        })
        .optional(),
    })
    .optional(),
});

export function serializeModel(model: LearnedModel): string {
  return JSON.stringify(model);
}

export function deserializeModel(text: string | Buffer): LearnedModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof text === "string" ? text : text.toString("utf8"));
  } catch {
    throw new ModelFormatError("The stored model is not valid JSON.");
  }
  const result = modelSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModelFormatError(
      `The stored model does not have the expected shape (${issue?.path.join(".") || "root"}: ${issue?.message}).`,
    );
  }
  const model = result.data as LearnedModel;
  for (const [field, m] of Object.entries(model.fields)) {
    if (!m) continue;
    const k = m.classifier.classes.length;
    const buckets = Buffer.from(m.classifier.buckets, "base64").byteLength / 4;
    const weights = Buffer.from(m.classifier.weights, "base64").byteLength / 4;
    const bias = Buffer.from(m.classifier.bias, "base64").byteLength / 4;
    if (weights !== buckets * k || bias !== k) {
      throw new ModelFormatError(`The stored model's ${field} weights do not match its classes.`);
    }
  }
  return model;
}
