import { type AccountCheck, missingGroupsWarning } from "./account-check.ts";
import { type Config, loadConfig } from "./config.ts";
import { AppError } from "./errors.ts";
import { createLogger, type Logger } from "./logger.ts";
import { type RunningService, type ServiceRoles, startService } from "./service.ts";

/**
 * Shared by the three entry points (all-in-one, web, worker): load the config once, start the
 * service, and shut down gracefully on SIGINT/SIGTERM. Start-up errors print their message
 * (which says what to fix) and exit non-zero.
 */
export async function runService(
  roles: ServiceRoles,
  onStarted?: (service: RunningService, config: Config, logger: Logger) => void,
): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel, {
    roles: Object.keys(roles).filter((r) => roles[r as keyof ServiceRoles]),
  });
  for (const warning of config.warnings) logger.warn(warning);
  // Listening before start-up ends: the worker takes jobs before startService returns, and a
  // SIGTERM then (a quick redeploy) must drain them, not kill the process mid-job.
  const signals = shutDownOnSignals(logger);
  let service: RunningService;
  try {
    service = await startService(config, logger, roles);
  } catch (error) {
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, "start-up failed");
    process.stderr.write(`\nCould not start: ${message}\n`);
    process.exit(1);
  }
  onStarted?.(service, config, logger);
  logger.info({ url: service.url ?? null }, "service started");
  signals.started(service);
  service.accountCheck().then((check) => logAccountCheck(logger, check));
}

function logAccountCheck(logger: Logger, check: AccountCheck): void {
  if (!check.ok) logger.error({ fix: check.fix }, check.problem);
  else {
    const warning = missingGroupsWarning(check.missingGroups);
    if (warning) logger.warn({ groups: check.missingGroups }, warning);
  }
}

function shutDownOnSignals(logger: Logger): { started(service: RunningService): void } {
  let service: RunningService | undefined;
  let requestedDuringStart: string | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    if (!service) {
      requestedDuringStart = signal;
      logger.info({ signal }, "shutdown requested during start-up; stopping as soon as started");
      return;
    }
    stopping = true;
    logger.info({ signal }, "shutting down: draining jobs in flight");
    const deadline = setTimeout(() => {
      logger.warn("shutdown took longer than 10 s; exiting");
      process.exit(1);
    }, 10_000);
    deadline.unref();
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  return {
    started(running) {
      service = running;
      if (requestedDuringStart) shutdown(requestedDuringStart);
    },
  };
}
