import { BadRequestError } from "../../errors.ts";

/** Checks an id before it goes into a path, so `NaN` or `-1` fail clearly instead of as a 404. */
export function resourceId(what: string, id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new BadRequestError(`The ${what} id must be a positive integer; got ${String(id)}.`);
  }
  return id;
}
