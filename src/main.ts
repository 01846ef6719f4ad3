// All-in-one: web and workers in one process with embedded defaults. What `npm start` runs.
import { banner, demoTicketsLine } from "./banner.ts";
import { waitForFirstModel } from "./learning/quality.ts";
import { productWiring } from "./products/index.ts";
import { runService } from "./run.ts";

await runService({ web: true, worker: true }, (service, config, logger) => {
  // After the one look at the helpdesk, so the banner says plainly when the key or domain is wrong.
  void service.accountCheck().then((check) => process.stderr.write(banner(service, config, check)));
  // With the sandbox's automation rule on, a few new tickets show the whole flow at once.
  // When the start learns the sandbox's history, they wait for the first model (a few seconds), so
  // they are routed where it measured the target precision instead of only suggested.
  if (service.sandbox && service.url && config.sandbox.automations && config.sandbox.demoTickets) {
    const learned =
      config.learning.intervalMs !== undefined
        ? waitForFirstModel(service.quality, { timeoutMs: 60_000 })
        : Promise.resolve(false);
    learned
      .then(() =>
        productWiring(config.product).createDemoTickets(
          `${service.freshdeskBaseUrl}/api/v2`,
          config.sandbox.apiKey,
        ),
      )
      .then(
        (tickets) => {
          logger.info({ tickets: tickets.map((t) => t.id) }, "demo tickets created in the sandbox");
          process.stderr.write(demoTicketsLine(service, config, tickets));
        },
        (error: unknown) => logger.warn({ err: error }, "could not create the demo tickets"),
      );
  }
});
