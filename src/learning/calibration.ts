import type { CalibrationBin, FieldCalibration } from "./types.ts";

/**
 * Turning held-out predictions (score, right or wrong) into an auto-apply threshold and a
 * measured precision per score. Histories are small, so the threshold is where the *lower*
 * confidence bound of precision reaches the target, not the point estimate: 9 right out of 10
 * is not evidence of 90 %.
 */

/** One-sided 95 %. */
const Z = 1.645;
const BIN_COUNT = 10;

/** Wilson score interval, lower end. */
export function wilsonLowerBound(correct: number, n: number, z: number = Z): number {
  if (n <= 0) return 0;
  const p = correct / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

export type ScoredOutcome = {
  score: number;
  correct: boolean;
  /** How far apart the held-out ticket's words put the classes (see `textEvidence`). */
  evidence?: number | undefined;
};

/**
 * The lowest score t such that, among held-out predictions scoring ≥ t, the lower bound of
 * precision is ≥ target. Null when no t qualifies.
 */
export function chooseThreshold(outcomes: readonly ScoredOutcome[], targetPrecision: number): number | null {
  const sorted = [...outcomes].sort((a, b) => b.score - a.score);
  let n = 0;
  let correct = 0;
  let threshold: number | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const o = sorted[i] as ScoredOutcome;
    n++;
    if (o.correct) correct++;
    // Ties share one threshold: only evaluate after the last of equal scores.
    if (i + 1 < sorted.length && (sorted[i + 1] as ScoredOutcome).score === o.score) continue;
    if (wilsonLowerBound(correct, n) >= targetPrecision) threshold = o.score;
  }
  return threshold;
}

/**
 * Score → precision, non-decreasing in score (pool-adjacent-violators). Each point is a block
 * of held-out predictions: its lowest score and the share of it that was right.
 */
export function isotonicCurve(
  outcomes: readonly ScoredOutcome[],
): Array<{ score: number; precision: number }> {
  const sorted = [...outcomes].sort((a, b) => a.score - b.score);
  const blocks: Array<{ score: number; sum: number; n: number }> = [];
  for (const o of sorted) {
    blocks.push({ score: o.score, sum: o.correct ? 1 : 0, n: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as { score: number; sum: number; n: number };
      const prev = blocks[blocks.length - 2] as { score: number; sum: number; n: number };
      if (prev.sum / prev.n < last.sum / last.n) break;
      blocks.pop();
      blocks[blocks.length - 1] = { score: prev.score, sum: prev.sum + last.sum, n: prev.n + last.n };
    }
  }
  return blocks.map((b) => ({ score: round(b.score), precision: round(b.sum / b.n) }));
}

/** The measured precision for a score: the block of the curve it falls in. */
export function precisionAt(curve: FieldCalibration["curve"], score: number): number | null {
  if (curve.length === 0) return null;
  let precision = (curve[0] as { precision: number }).precision;
  for (const point of curve) {
    if (point.score > score) break;
    precision = point.precision;
  }
  return precision;
}

export function reliabilityBins(outcomes: readonly ScoredOutcome[]): CalibrationBin[] {
  const bins: CalibrationBin[] = Array.from({ length: BIN_COUNT }, (_, i) => ({
    lo: i / BIN_COUNT,
    hi: (i + 1) / BIN_COUNT,
    n: 0,
    correct: 0,
  }));
  for (const o of outcomes) {
    const bin = bins[Math.min(BIN_COUNT - 1, Math.floor(o.score * BIN_COUNT))] as CalibrationBin;
    bin.n++;
    if (o.correct) bin.correct++;
  }
  return bins;
}

/**
 * The threshold a decision applies at. Among held-out predictions at or above it the lower bound
 * of precision reaches the target (`chooseThreshold`), and so does the measured precision at the
 * threshold itself: the share right above a threshold can reach the target while the band just
 * above it is mostly wrong, and a value applied there would be shown with a precision under the
 * target.
 */
export function applyThreshold(
  outcomes: readonly ScoredOutcome[],
  curve: FieldCalibration["curve"],
  targetPrecision: number,
): number | null {
  const cumulative = chooseThreshold(outcomes, targetPrecision);
  const firstPrecise = curve.find((point) => point.precision >= targetPrecision);
  if (cumulative === null || !firstPrecise) return null;
  // The curve's scores are rounded; the held-out score it starts at is the one to compare with.
  const start = Math.min(...outcomes.filter((o) => round(o.score) >= firstPrecise.score).map((o) => o.score));
  return Math.max(cumulative, start);
}

/**
 * Held-out predictions are measured on tickets whose words say something; a ticket whose words
 * barely separate the classes ("hello") is scored by the classes' base rates, outside anything
 * measured. The floor is the evidence of the n-th weakest held-out ticket, n being the fewest
 * predictions that could show the target at all (every one right and the lower bound ≥ target:
 * 25 at 90 %): less evidence than that was not measured often enough to say anything. Null
 * without evidence figures or with fewer held-out predictions than n (no threshold exists then).
 */
export function evidenceFloor(outcomes: readonly ScoredOutcome[], targetPrecision: number): number | null {
  const evidence = outcomes
    .map((o) => o.evidence)
    .filter((e): e is number => e !== undefined)
    .sort((a, b) => a - b);
  let needed = 1;
  while (needed <= evidence.length && wilsonLowerBound(needed, needed) < targetPrecision) needed++;
  return needed <= evidence.length ? round(evidence[needed - 1] as number) : null;
}

export function calibrate(outcomes: readonly ScoredOutcome[], targetPrecision: number): FieldCalibration {
  const curve = isotonicCurve(outcomes);
  const threshold = applyThreshold(outcomes, curve, targetPrecision);
  const minEvidence = evidenceFloor(outcomes, targetPrecision);
  const above = threshold === null ? [] : outcomes.filter((o) => o.score >= threshold);
  const n = outcomes.length;
  return {
    threshold,
    targetPrecision,
    curve,
    bins: reliabilityBins(outcomes),
    heldOut: {
      precision: above.length ? above.filter((o) => o.correct).length / above.length : null,
      coverage: n ? above.length / n : 0,
      accuracy: n ? outcomes.filter((o) => o.correct).length / n : 0,
      n,
    },
    ...(minEvidence !== null ? { minEvidence } : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
