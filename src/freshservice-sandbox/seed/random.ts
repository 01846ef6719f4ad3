// Deterministic randomness for the seed: the same seed number always gives the same account.
import { mulberry32 } from "../../learning/model.ts";

export type Random = {
  next(): number;
  pick<T>(items: readonly T[]): T;
  /** `[value, weight]` pairs. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T;
  chance(probability: number): boolean;
  int(min: number, max: number): number;
};

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    next,
    pick,
    weighted<T>(pairs: readonly (readonly [T, number])[]): T {
      const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of pairs) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return (pairs[pairs.length - 1] as readonly [T, number])[0];
    },
    chance: (probability) => next() < probability,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}
