import { pino } from "pino";

export type Logger = pino.Logger;

/** JSON logs on stdout. Secrets and ticket bodies must never be passed to info-level calls. */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { ...bindings },
    redact: {
      paths: ["*.apiKey", "*.token", "*.secret", "*.authorization", "req.headers.authorization"],
      censor: "[redacted]",
    },
  });
}

/** A logger that drops everything; for tests and benchmarks that measure, not read, logs. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
