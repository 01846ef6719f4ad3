import type { Redis } from "ioredis";
import { evaluateHoldout, type HoldoutFigures } from "./holdout.ts";
import { deserializeModel, serializeModel } from "./serialize.ts";
import { type LabelledTicket, LEARNED_FIELDS, type LearnedModel, type LlmCalibration } from "./types.ts";

/**
 * The account's learned models, versioned in Redis: the last KEPT_VERSIONS versions and which
 * one is in use. A candidate replaces the one in use only when it is no worse on the same
 * held-out rows (rows neither model was trained on). Every process reads the version in use
 * from Redis: current() costs one GET, and loads and parses a model only when it changed.
 */

export const KEPT_VERSIONS = 3;
/** Differences smaller than this are ties (float noise, not a worse model). */
const EPSILON = 1e-9;

export type ModelVersion = {
  version: number;
  model: LearnedModel;
  /** Labelled tickets it was trained on. */
  learnedFrom: number;
  trainedAt: string;
  promotedAt: string;
  /** Per field, how it did on the held-out rows when it was promoted. */
  heldOut: Partial<Record<string, HoldoutFigures>>;
  /** How often the language model was right on a sample of this history, when one is configured. */
  llmCalibration?: LlmCalibration | undefined;
};

export type VersionSummary = Omit<ModelVersion, "model">;

export type PromotionResult = {
  promoted: boolean;
  /** The version in use afterwards (the new one when promoted). */
  version: number | undefined;
  /** Why the candidate was refused; empty when promoted. */
  reasons: string[];
  candidate: Partial<Record<string, HoldoutFigures>>;
  current: Partial<Record<string, HoldoutFigures>> | undefined;
};

export type ModelRegistry = {
  current(): Promise<ModelVersion | undefined>;
  versions(): Promise<VersionSummary[]>;
  promote(candidate: {
    model: LearnedModel;
    learnedFrom: number;
    /** Rows the candidate was not trained on; the current model is measured on the same rows. */
    heldOut: readonly LabelledTicket[];
    targetPrecision: number;
    /** The language model measured on the same history, stored with the version. */
    llmCalibration?: LlmCalibration | undefined;
  }): Promise<PromotionResult>;
};

type StoredVersion = Omit<ModelVersion, "model"> & { model: string };

export function createModelRegistry(options: {
  redis: Redis;
  prefix: string;
  account: string;
  /** The product's learned fields (Freshdesk's by default): what is measured and compared. */
  fields?: readonly string[] | undefined;
}): ModelRegistry {
  const { redis } = options;
  const fields = options.fields ?? LEARNED_FIELDS;
  const base = `${options.prefix}:learning:${options.account}`;
  const keys = {
    models: `${base}:models`,
    versions: `${base}:model-versions`,
    current: `${base}:model-current`,
    sequence: `${base}:model-sequence`,
  };
  let cached: ModelVersion | undefined;

  async function load(version: string): Promise<ModelVersion | undefined> {
    const raw = await redis.hget(keys.models, version);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as StoredVersion;
    return { ...stored, model: deserializeModel(stored.model) };
  }

  async function current(): Promise<ModelVersion | undefined> {
    const version = await redis.get(keys.current);
    if (version === null) return undefined;
    if (cached && String(cached.version) === version) return cached;
    cached = await load(version);
    return cached;
  }

  return {
    current,

    async versions() {
      const versions = await redis.lrange(keys.versions, "0", "-1");
      if (versions.length === 0) return [];
      const raws = await redis.hmget(keys.models, ...versions);
      return raws.flatMap((raw) => {
        if (!raw) return [];
        const { model: _model, ...summary } = JSON.parse(raw) as StoredVersion;
        return [summary];
      });
    },

    async promote(candidate) {
      const measure = (model: LearnedModel) =>
        evaluateHoldout(model, candidate.heldOut, { targetPrecision: candidate.targetPrecision, fields });
      const candidateFigures = measure(candidate.model);
      const inUse = await current();
      const currentFigures = inUse ? measure(inUse.model) : undefined;
      const reasons = currentFigures
        ? worseBy(candidateFigures, currentFigures, candidate.targetPrecision, fields)
        : Object.keys(candidateFigures).length === 0
          ? ["it measures no field: not enough labelled history"]
          : [];
      if (reasons.length > 0) {
        return {
          promoted: false,
          version: inUse?.version,
          reasons,
          candidate: candidateFigures,
          current: currentFigures,
        };
      }
      const version = await redis.incr(keys.sequence);
      const stored: StoredVersion = {
        version,
        model: serializeModel(candidate.model),
        learnedFrom: candidate.learnedFrom,
        trainedAt: candidate.model.trainedAt,
        promotedAt: new Date().toISOString(),
        heldOut: candidateFigures,
        ...(candidate.llmCalibration ? { llmCalibration: candidate.llmCalibration } : {}),
      };
      await redis
        .multi()
        .hset(keys.models, String(version), JSON.stringify(stored))
        .lpush(keys.versions, String(version))
        .set(keys.current, String(version))
        .exec();
      const dropped = await redis.lrange(keys.versions, String(KEPT_VERSIONS), "-1");
      const tx = redis.multi().ltrim(keys.versions, "0", String(KEPT_VERSIONS - 1));
      if (dropped.length > 0) tx.hdel(keys.models, ...dropped);
      await tx.exec();
      return { promoted: true, version, reasons: [], candidate: candidateFigures, current: currentFigures };
    },
  };
}

/**
 * Why the candidate is worse than the model in use on the same held-out rows: a field it no
 * longer measures, lower top-1 accuracy, or applied values less often right than both the model
 * in use and the target.
 */
export function worseBy(
  candidate: Partial<Record<string, HoldoutFigures>>,
  current: Partial<Record<string, HoldoutFigures>>,
  targetPrecision: number,
  fields: readonly string[] = LEARNED_FIELDS,
): string[] {
  const reasons: string[] = [];
  const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
  for (const field of fields) {
    const now = current[field];
    if (!now) continue;
    const next = candidate[field];
    if (!next) {
      reasons.push(`${field}: the candidate no longer measures it`);
      continue;
    }
    if (next.accuracy + EPSILON < now.accuracy) {
      reasons.push(`${field}: accuracy ${pct(next.accuracy)} < ${pct(now.accuracy)} of the model in use`);
    }
    if (
      next.precision !== null &&
      now.precision !== null &&
      next.precision + EPSILON < now.precision &&
      next.precision + EPSILON < targetPrecision
    ) {
      reasons.push(
        `${field}: applied values right ${pct(next.precision)} < ${pct(now.precision)} of the model in use`,
      );
    }
  }
  return reasons;
}
