import { BadRequestError } from "../../errors.ts";

/**
 * Opaque paging cursors: base64url JSON of the tool name, the next page and the filters of the
 * query, so a follow-up call needs only the cursor and cannot be mixed with another query.
 */

type CursorState = { t: string; p: number; f: Record<string, unknown> };

export function encodeCursor(tool: string, page: number, filters: Record<string, unknown>): string {
  const state: CursorState = { t: tool, p: page, f: filters };
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

/**
 * The page and filters to use: from the cursor when one is given (any filter passed again must
 * agree with it), else page 1 with the filters of this call.
 */
export function resolvePage<F extends Record<string, unknown>>(
  tool: string,
  cursor: string | undefined,
  filters: F,
): { page: number; filters: F } {
  if (cursor === undefined) return { page: 1, filters };
  const state = decode(cursor);
  if (!state || state.t !== tool || !Number.isInteger(state.p) || state.p < 1) {
    throw new BadRequestError(
      `The cursor is not one that ${tool} returned; pass next_cursor from the previous ${tool} result unchanged.`,
    );
  }
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(state.f[key])) {
      throw new BadRequestError(
        `"${key}" differs from the query the cursor belongs to; when passing a cursor, leave the other arguments out.`,
      );
    }
  }
  return { page: state.p, filters: state.f as F };
}

function decode(cursor: string): CursorState | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (!value || typeof value !== "object") return undefined;
    const state = value as Partial<CursorState>;
    if (
      typeof state.t !== "string" ||
      typeof state.p !== "number" ||
      typeof state.f !== "object" ||
      !state.f
    ) {
      return undefined;
    }
    return state as CursorState;
  } catch {
    return undefined;
  }
}
