// The sandbox's wire errors. Route code throws these; the app's one `onError` renders them in
// Freshdesk's three body shapes (reference §2.1).
import { AppError } from "../../errors.ts";

export type FieldError = {
  field: string;
  message: string;
  code: string;
  nested_field?: string;
  additional_info?: Record<string, unknown>;
};

/** Per-error HTTP status; the response takes the most common one (reference §2.1 shape A). */
function statusOfCode(code: string): number {
  if (code === "duplicate_value") return 409;
  if (code === "access_denied") return 403;
  return 400;
}

function mostCommonStatus(errors: readonly FieldError[]): number {
  const counts = new Map<number, number>();
  for (const error of errors) {
    const status = statusOfCode(error.code);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  let best = 400;
  let bestCount = 0;
  for (const [status, count] of counts) {
    if (count > bestCount) [best, bestCount] = [status, count];
  }
  return best;
}

/** Shape A: `{"description":"Validation failed","errors":[…]}`. */
export class ValidationFailedError extends AppError {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(mostCommonStatus(errors), "validation_failed", "Validation failed", { details: errors });
    this.errors = errors;
  }
}

/** Shape B: `{"code":"…","message":"…"}`. */
export class CodedWireError extends AppError {}

/** Shape C: `{"message":"…"}` (405, 500, the rate-limit 429). */
export class MessageWireError extends AppError {
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(status, "message_only", message);
    this.headers = headers;
  }
}

/** 404 with an empty body (reference §2.3). */
export class WireNotFoundError extends AppError {
  constructor() {
    super(404, "not_found", "Not found");
  }
}

export const INVALID_FIELD_MESSAGE = "Unexpected/invalid field in request";
export const MISSING_FIELD_MESSAGE = "Mandatory attribute missing";

export function fieldError(field: string, code: string, message: string): FieldError {
  return { field, message, code };
}

export function invalidField(field: string): FieldError {
  return fieldError(field, "invalid_field", INVALID_FIELD_MESSAGE);
}

export function missingField(field: string, message = MISSING_FIELD_MESSAGE): FieldError {
  return fieldError(field, "missing_field", message);
}

export function oneOf(values: readonly (string | number)[]): string {
  return `It should be one of these values: '${values.join(",")}'`;
}

/** Throws when any errors were collected, so a request is either fully valid or changes nothing. */
export function throwIfAny(errors: readonly FieldError[]): void {
  if (errors.length > 0) throw new ValidationFailedError([...errors]);
}

export const invalidCredentials = () =>
  new CodedWireError(401, "invalid_credentials", "You have to be logged in to perform this action.");

export const accessDenied = () =>
  new CodedWireError(403, "access_denied", "You are not authorized to perform this action.");

export const missingParams = () =>
  new CodedWireError(
    400,
    "missing_params",
    "Your update call does not have any parameter. Atleast one parameter is required.",
  );
