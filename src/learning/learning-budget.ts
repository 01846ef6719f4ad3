import type { Cluster, Redis } from "ioredis";
import { createRateGovernor, type RateGovernor, type RatePermit } from "../freshdesk/rate-governor.ts";
import type { Logger } from "../logger.ts";

/**
 * The Freshdesk budget learning runs under: its own sliding window of LEARN_RATE_SHARE of the
 * plan's limit, on top of the account-wide governor every process shares. A call takes credits
 * from both, so learning never uses more than its share in any window, and what it uses counts
 * against the installation's share like any other call. Since LEARN_RATE_SHARE is below the
 * installation's share (config checks it), triage always keeps the difference.
 */
export type LearningGovernor = RateGovernor & {
  /** Credits this governor's calls used (as Freshdesk reported them), since creation. */
  creditsUsed(): number;
};

export function createLearningGovernor(options: {
  redis: Redis | Cluster;
  account: string;
  /** The governor every triage call goes through. */
  accountGovernor: RateGovernor;
  /** Share of the plan's per-window limit learning may use. */
  rateShare: number;
  limitPerWindow?: number | undefined;
  windowMs?: number | undefined;
  keyPrefix?: string | undefined;
  logger?: Logger | undefined;
}): LearningGovernor {
  const own = createRateGovernor({
    redis: options.redis,
    account: `${options.account}:learning`,
    share: options.rateShare,
    ...(options.limitPerWindow === undefined ? {} : { limitPerWindow: options.limitPerWindow }),
    ...(options.windowMs === undefined ? {} : { windowMs: options.windowMs }),
    ...(options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const shared = options.accountGovernor;
  let acquired = 0;
  let reported = 0;
  let reports = 0;

  return {
    async acquire(cost, acquireOptions): Promise<RatePermit> {
      const mine = await own.acquire(cost, acquireOptions);
      let theirs: RatePermit;
      try {
        theirs = await shared.acquire(cost, acquireOptions);
      } catch (error) {
        await mine.settle();
        throw error;
      }
      acquired += Math.max(1, Math.ceil(cost));
      return {
        async settle() {
          await Promise.all([mine.settle(), theirs.settle()]);
        },
      };
    },
    async observe(headers) {
      if (headers.used !== undefined) {
        reported += headers.used;
        reports++;
      }
      await Promise.all([own.observe(headers), shared.observe(headers)]);
    },
    blockFor: (seconds) => shared.blockFor(seconds),
    snapshot: () => own.snapshot(),
    creditsUsed: () => (reports > 0 ? reported : acquired),
  };
}
