import { z } from "zod";

/**
 * A Freshservice account's priority matrix: Admin › Service Desk settings › Priority Matrix maps
 * each impact × urgency pair to a priority [KB-PM]. The API exposes no matrix endpoint, so the
 * operator copies the table into `TRIAGE_CONFIG` as `priorityMatrix`; with it, triage decides
 * urgency and impact and derives priority from them, without it priority is decided directly.
 * Whether Freshservice itself recomputes priority on API writes is open [reference §2, §13.2];
 * writing the derived priority explicitly gives the same answer either way.
 *
 * Two spellings, both complete (all nine cells, since the admin's table is complete):
 * - flat, `"<impact>x<urgency>": priority`, e.g. `{"3x3": 4, "high x medium": "high", …}`;
 * - nested, impact → urgency → priority, e.g. `{"high": {"high": "urgent", "medium": "high", …}, …}`.
 * Impact and urgency are 1–3 or low/medium/high; priority is 1–4 or low/medium/high/urgent.
 */

export type Level = 1 | 2 | 3;
export type Priority = 1 | 2 | 3 | 4;
/** `cells[impact][urgency]` is the priority; indexes 1–3. */
export type PriorityMatrix = { readonly cells: Readonly<Record<Level, Readonly<Record<Level, Priority>>>> };

export const LEVEL_NAMES: Record<Level, string> = { 1: "Low", 2: "Medium", 3: "High" };
export const PRIORITY_NAMES: Record<Priority, string> = { 1: "Low", 2: "Medium", 3: "High", 4: "Urgent" };

const LEVELS: readonly Level[] = [1, 2, 3];

export class PriorityMatrixError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`priorityMatrix: ${problems.join("; ")}`);
    this.problems = problems;
    this.name = "PriorityMatrixError";
  }
}

/** Parses either spelling; throws PriorityMatrixError naming every problem found. */
export function parsePriorityMatrix(input: unknown): PriorityMatrix {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new PriorityMatrixError([
      'must be an object such as {"3x3": "urgent", …} or {"high": {"high": …}}',
    ]);
  }
  const problems: string[] = [];
  const cells: Partial<Record<Level, Partial<Record<Level, Priority>>>> = {};
  const put = (where: string, impactRaw: string, urgencyRaw: string, value: unknown) => {
    const impact = parseLevel(impactRaw);
    const urgency = parseLevel(urgencyRaw);
    const priority = parsePriority(value);
    if (impact === undefined)
      problems.push(`"${where}": impact "${impactRaw}" must be 1–3 or low/medium/high`);
    if (urgency === undefined)
      problems.push(`"${where}": urgency "${urgencyRaw}" must be 1–3 or low/medium/high`);
    if (priority === undefined)
      problems.push(`"${where}": priority ${JSON.stringify(value)} must be 1–4 or low/medium/high/urgent`);
    if (impact === undefined || urgency === undefined || priority === undefined) return;
    const row = cells[impact] ?? {};
    cells[impact] = row;
    if (row[urgency] !== undefined && row[urgency] !== priority) {
      problems.push(
        `"${where}": impact ${LEVEL_NAMES[impact]} × urgency ${LEVEL_NAMES[urgency]} is given twice`,
      );
    }
    row[urgency] = priority;
  };

  for (const [key, value] of Object.entries(input)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [urgencyKey, priority] of Object.entries(value))
        put(`${key}.${urgencyKey}`, key, urgencyKey, priority);
      continue;
    }
    const pair = /^\s*([a-z0-9]+)\s*[x×]\s*([a-z0-9]+)\s*$/i.exec(key);
    if (!pair) {
      problems.push(
        `"${key}" must be "<impact>x<urgency>" (e.g. "3x2" or "high x medium") or an impact with an object of urgencies`,
      );
      continue;
    }
    put(key, pair[1]!, pair[2]!, value);
  }
  const missing = LEVELS.flatMap((impact) =>
    LEVELS.filter((urgency) => cells[impact]?.[urgency] === undefined).map(
      (urgency) => `impact ${LEVEL_NAMES[impact]} × urgency ${LEVEL_NAMES[urgency]}`,
    ),
  );
  if (missing.length > 0 && problems.length === 0) {
    problems.push(`all nine cells are needed; missing ${missing.join(", ")}`);
  }
  if (problems.length > 0) throw new PriorityMatrixError(problems);
  return { cells: cells as PriorityMatrix["cells"] };
}

/** For the TRIAGE_CONFIG schema: `priorityMatrix: priorityMatrixSchema.optional()`. */
export const priorityMatrixSchema = z.unknown().transform((value, ctx): PriorityMatrix => {
  try {
    return parsePriorityMatrix(value);
  } catch (error) {
    if (!(error instanceof PriorityMatrixError)) throw error;
    for (const message of error.problems) ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  }
});

export function priorityFromMatrix(matrix: PriorityMatrix, impact: Level, urgency: Level): Priority {
  return matrix.cells[impact][urgency];
}

function parseLevel(raw: string): Level | undefined {
  const text = raw.trim().toLowerCase();
  const byName: Record<string, Level> = { low: 1, medium: 2, high: 3 };
  if (byName[text]) return byName[text];
  return /^[123]$/.test(text) ? (Number(text) as Level) : undefined;
}

function parsePriority(raw: unknown): Priority | undefined {
  if (typeof raw === "number")
    return Number.isInteger(raw) && raw >= 1 && raw <= 4 ? (raw as Priority) : undefined;
  if (typeof raw !== "string") return undefined;
  const text = raw.trim().toLowerCase();
  const byName: Record<string, Priority> = { low: 1, medium: 2, high: 3, urgent: 4 };
  if (byName[text]) return byName[text];
  return /^[1-4]$/.test(text) ? (Number(text) as Priority) : undefined;
}
