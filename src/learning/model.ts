import { DEFAULT_FEATURE_BITS, type SparseVector } from "./features.ts";
import type { FieldValue, LinearClassifier, RankedValue } from "./types.ts";

/**
 * Multinomial logistic regression (softmax) over hashed sparse features, fitted by stochastic
 * gradient descent with L2 regularisation. Written here rather than taken from a library: the
 * npm ones (ml-logistic-regression and friends) are one-vs-rest over dense matrices, which at
 * 2^18 hashed features would not fit the memory or time budget; this one is ~100 lines.
 */

export type TrainOptions = {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  bits?: number;
};

/** Gradients smaller than this move no weight visibly; skipping them makes training several times faster. */
const MIN_GRADIENT = 1e-3;

const DEFAULTS = { epochs: 8, learningRate: 0.8, l2: 1e-5, seed: 1 };

export function trainClassifier(
  vectors: readonly SparseVector[],
  labels: readonly FieldValue[],
  options: TrainOptions = {},
): LinearClassifier {
  const { epochs, learningRate, l2, seed } = { ...DEFAULTS, ...stripUndefined(options) };
  const bits = options.bits ?? DEFAULT_FEATURE_BITS;
  const classes = [...new Set(labels)].sort(compareValues);
  const k = classes.length;
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const targets = labels.map((l) => classIndex.get(l) as number);
  const weights = new Float32Array((1 << bits) * k);
  const touched = new Uint8Array(1 << bits);
  const bias = new Float64Array(k);
  const probs = new Float64Array(k);
  const activeClasses = new Int32Array(k);
  const gradients = new Float64Array(k);
  const order = vectors.map((_, i) => i);
  const random = mulberry32(seed);
  let step = 0;
  const total = Math.max(1, epochs * vectors.length);

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const row of order) {
      const x = vectors[row] as SparseVector;
      const y = targets[row] as number;
      scores(weights, bias, x, k, probs);
      softmaxInPlace(probs);
      // Linear decay to a tenth: big steps to find the region, small ones to settle.
      const lr = learningRate * (1 - (0.9 * step++) / total);
      const decay = 1 - lr * l2;
      // Only classes with a gradient worth the work: once a row is learned, most have none.
      let active = 0;
      for (let c = 0; c < k; c++) {
        const g = (probs[c] as number) - (c === y ? 1 : 0);
        bias[c] = (bias[c] as number) - lr * g;
        if (g > MIN_GRADIENT || g < -MIN_GRADIENT) {
          activeClasses[active] = c;
          gradients[active++] = g;
        }
      }
      for (let f = 0; f < x.indices.length; f++) {
        const bucket = x.indices[f] as number;
        const scaled = lr * (x.values[f] as number);
        touched[bucket] = 1;
        const base = bucket * k;
        for (let a = 0; a < active; a++) {
          const i = base + (activeClasses[a] as number);
          weights[i] = (weights[i] as number) * decay - scaled * (gradients[a] as number);
        }
      }
    }
  }

  const buckets: number[] = [];
  for (let b = 0; b < touched.length; b++) if (touched[b]) buckets.push(b);
  const packed = new Float32Array(buckets.length * k);
  buckets.forEach((b, row) => {
    packed.set(weights.subarray(b * k, b * k + k), row * k);
  });
  return {
    classes,
    bits,
    buckets: toBase64(Uint32Array.from(buckets)),
    weights: toBase64(packed),
    bias: toBase64(Float32Array.from(bias)),
  };
}

type Unpacked = { k: number; rowOf: Int32Array; weights: Float32Array; bias: Float32Array };
const unpackedCache = new WeakMap<LinearClassifier, Unpacked>();

function unpack(classifier: LinearClassifier): Unpacked {
  const cached = unpackedCache.get(classifier);
  if (cached) return cached;
  const k = classifier.classes.length;
  const buckets = new Uint32Array(fromBase64(classifier.buckets));
  const rowOf = new Int32Array(1 << classifier.bits).fill(-1);
  buckets.forEach((b, row) => {
    rowOf[b] = row;
  });
  const unpacked = {
    k,
    rowOf,
    weights: new Float32Array(fromBase64(classifier.weights)),
    bias: new Float32Array(fromBase64(classifier.bias)),
  };
  unpackedCache.set(classifier, unpacked);
  return unpacked;
}

/** Class probabilities, highest first. */
export function rankClasses(classifier: LinearClassifier, x: SparseVector): RankedValue[] {
  const { k, rowOf, weights, bias } = unpack(classifier);
  const probs = new Float64Array(k);
  for (let c = 0; c < k; c++) probs[c] = bias[c] as number;
  for (let f = 0; f < x.indices.length; f++) {
    const row = rowOf[x.indices[f] as number] as number;
    if (row < 0) continue;
    const value = x.values[f] as number;
    for (let c = 0; c < k; c++) probs[c] = (probs[c] as number) + (weights[row * k + c] as number) * value;
  }
  softmaxInPlace(probs);
  return classifier.classes
    .map((value, c) => ({ value, score: probs[c] as number }))
    .sort((a, b) => b.score - a.score);
}

/**
 * How far apart the ticket's own words put the classes: the spread (max − min) of the class scores
 * before the base rates (bias) are added, in log-odds. Near 0 when the text says nothing the model
 * learned from ("hello"), whatever the softmax then makes of the base rates.
 */
export function textEvidence(classifier: LinearClassifier, x: SparseVector): number {
  const { k, rowOf, weights } = unpack(classifier);
  const logits = new Float64Array(k);
  for (let f = 0; f < x.indices.length; f++) {
    const row = rowOf[x.indices[f] as number] as number;
    if (row < 0) continue;
    const value = x.values[f] as number;
    for (let c = 0; c < k; c++) logits[c] = (logits[c] as number) + (weights[row * k + c] as number) * value;
  }
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  for (const v of logits) {
    if (v > max) max = v;
    if (v < min) min = v;
  }
  return k > 0 ? max - min : 0;
}

function scores(weights: Float32Array, bias: Float64Array, x: SparseVector, k: number, out: Float64Array) {
  for (let c = 0; c < k; c++) out[c] = bias[c] as number;
  for (let f = 0; f < x.indices.length; f++) {
    const base = (x.indices[f] as number) * k;
    const value = x.values[f] as number;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + (weights[base + c] as number) * value;
  }
}

function softmaxInPlace(values: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const e = Math.exp((values[i] as number) - max);
    values[i] = e;
    sum += e;
  }
  for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) / sum;
}

export function compareValues(a: FieldValue, b: FieldValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

/** Deterministic pseudo-random numbers in [0, 1), so a seed reproduces a model exactly. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

function toBase64(array: Uint32Array | Float32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

function fromBase64(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, "base64");
  // A fresh, aligned buffer: typed arrays cannot start at an odd offset of Node's pool.
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
