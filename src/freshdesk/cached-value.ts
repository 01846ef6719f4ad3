import type { Logger } from "../logger.ts";

/**
 * One lazily loaded value kept for `ttlMs`, shared by the account directories of every product.
 * Concurrent callers share one refresh; if a refresh fails, the previous answer is served for
 * `retryMs` before trying again (and a first load that fails throws).
 */
export type CachedValue<T> = { get(): Promise<T>; invalidate(): void };

export type CachedValueOptions = {
  ttlMs: number;
  retryMs: number;
  now: () => number;
  logger?: Logger | undefined;
  /** Logged when a refresh fails and the previous answer is served, e.g. "Freshdesk directory refresh failed; …". */
  staleMessage: string;
};

export function cachedValue<T>(
  what: string,
  load: () => Promise<T>,
  options: CachedValueOptions,
): CachedValue<T> {
  const { ttlMs, retryMs, now } = options;
  let value: { data: T; freshUntil: number } | undefined;
  let inFlight: Promise<T> | undefined;
  let generation = 0;
  const refresh = (): Promise<T> => {
    if (inFlight) return inFlight;
    const started = generation;
    const promise: Promise<T> = load()
      .then((data) => {
        if (started === generation) value = { data, freshUntil: now() + ttlMs };
        return data;
      })
      .catch((error: unknown) => {
        if (!value || started !== generation) throw error;
        options.logger?.warn({ err: error, what }, options.staleMessage);
        value = { data: value.data, freshUntil: now() + retryMs };
        return value.data;
      })
      .finally(() => {
        if (inFlight === promise) inFlight = undefined;
      });
    inFlight = promise;
    return promise;
  };
  return {
    get: () => (value && value.freshUntil > now() ? Promise.resolve(value.data) : refresh()),
    invalidate: () => {
      generation++;
      value = undefined;
      inFlight = undefined;
    },
  };
}
