import { missingGroups } from "../account-check.ts";
import { freshdeskKeyCheck } from "../auth/key-check.ts";
import { createPersonFreshdesk } from "../auth/person-freshdesk.ts";
import { createDemoTickets } from "../demo/demo-tickets.ts";
import { createAccountDirectory, createFreshdeskClient } from "../freshdesk/index.ts";
import { parseWebhookPayload } from "../routes/webhook-payload.ts";
import { createSandbox } from "../sandbox/app.ts";
import type { ProductWiring } from "./wiring.ts";

export const freshdeskWiring: ProductWiring = {
  product: "freshdesk",
  webhookPath: "freshdesk",
  parseWebhook: parseWebhookPayload,
  createSandbox: (options) =>
    createSandbox({
      apiKey: options.apiKey,
      plan: options.plan,
      timeScale: options.timeScale,
      // Months of resolved tickets, so the zero-config start has an account history to learn from.
      history: true,
      logger: options.logger,
    }),
  serverDeps(client, shared) {
    const freshdesk = createFreshdeskClient(client);
    return { ...shared, freshdesk, directory: createAccountDirectory(freshdesk) };
  },
  missingGroups: (deps, taxonomy) =>
    "freshdesk" in deps ? missingGroups(deps.directory, taxonomy) : Promise.resolve([]),
  createDemoTickets,
  people(options) {
    const people = createPersonFreshdesk(options);
    return {
      keyCheck: freshdeskKeyCheck(people.forKey, options.logger),
      serverFor: (deps, agentId, apiKey) =>
        "freshdesk" in deps ? { ...deps, freshdesk: people.forPerson(agentId, apiKey) } : deps,
    };
  },
};
