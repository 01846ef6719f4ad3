import { mulberry32, shuffle } from "./model.ts";

/**
 * Stratified fold assignment: each class is shuffled (seeded) and dealt round-robin, so every
 * fold holds about the same share of every class. Returns the fold number of each item.
 */
export function stratifiedFolds<T>(labels: readonly T[], folds: number, seed = 1): number[] {
  const random = mulberry32(seed);
  const byClass = new Map<T, number[]>();
  labels.forEach((label, i) => {
    const list = byClass.get(label) ?? [];
    list.push(i);
    byClass.set(label, list);
  });
  const assignment = new Array<number>(labels.length).fill(0);
  // Continue the deal across classes, so small classes do not all land in fold 0.
  let next = 0;
  for (const list of byClass.values()) {
    shuffle(list, random);
    for (const i of list) {
      assignment[i] = next;
      next = (next + 1) % folds;
    }
  }
  return assignment;
}
