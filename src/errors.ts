/**
 * The service's small error vocabulary. Code throws these; exactly one boundary per surface
 * (the Hono `onError`, the MCP tool boundary, the worker failure policy) turns them into
 * user-facing text. `message` is always safe to show: never put upstream bodies or stacks in it.
 */
export type AppErrorOptions = {
  cause?: unknown;
  /** Extra, safe-to-show details (for example which fields failed validation). */
  details?: unknown;
};

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = options.details;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super(400, "bad_request", message, options);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Missing or invalid credentials.", options?: AppErrorOptions) {
    super(401, "unauthorized", message, options);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You are not allowed to do this.", options?: AppErrorOptions) {
    super(403, "forbidden", message, options);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found.", options?: AppErrorOptions) {
    super(404, "not_found", message, options);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super(409, "conflict", message, options);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super(413, "payload_too_large", message, options);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super(415, "unsupported_media_type", message, options);
  }
}

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number, options?: AppErrorOptions) {
    super(429, "rate_limited", message, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class ServiceUnavailableError extends AppError {
  readonly retryAfterSeconds: number | undefined;
  constructor(message: string, retryAfterSeconds?: number, options?: AppErrorOptions) {
    super(503, "service_unavailable", message, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Start-up configuration problems. Lists every problem at once so one edit fixes them all. */
export class ConfigError extends AppError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(500, "invalid_config", `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
}

/** A required external program or service is missing; the message says how to get it. */
export class MissingDependencyError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super(500, "missing_dependency", message, options);
  }
}

/** Another running service owns the embedded Redis data folder; starting would break it. */
export class DataDirInUseError extends AppError {
  readonly dataDir: string;
  readonly ownerPid: number | undefined;
  readonly port: number | undefined;
  constructor(dataDir: string, ownerPid: number | undefined, port: number | undefined) {
    const owner = ownerPid ? `the service at PID ${ownerPid}` : "another service";
    const where = port
      ? `, port ${port} (its embedded Redis)`
      : ", which is still starting its embedded Redis";
    super(
      409,
      "data_dir_in_use",
      `The data folder ${dataDir} is in use by ${owner}${where}. Stop that service first, give this ` +
        "one a folder of its own with REDIS_DATA_DIR, or share that service's Redis with " +
        `REDIS_URL=redis://127.0.0.1:${port ?? "<port>"}.`,
    );
    this.dataDir = dataDir;
    this.ownerPid = ownerPid;
    this.port = port;
  }
}
