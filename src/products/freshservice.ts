import { createPersonFreshservice } from "../auth/person-freshservice.ts";
import { createFreshserviceDemoTickets } from "../demo/freshservice-demo-tickets.ts";
import { createFreshserviceDirectory } from "../freshservice/account-directory.ts";
import { createFreshserviceClient } from "../freshservice/client.ts";
import { createFreshserviceSandbox } from "../freshservice-sandbox/app.ts";
import { PRIORITY_MATRIX } from "../freshservice-sandbox/seed/history.ts";
import { parseFreshserviceWebhookPayload } from "../routes/freshservice-webhook-payload.ts";
import type { PriorityMatrix } from "../triage/freshservice/priority-matrix.ts";
import type { ProductWiring } from "./wiring.ts";

export const freshserviceWiring: ProductWiring = {
  product: "freshservice",
  webhookPath: "freshservice",
  parseWebhook: parseFreshserviceWebhookPayload,
  createSandbox: (options) =>
    createFreshserviceSandbox({
      apiKey: options.apiKey,
      plan: options.plan,
      timeScale: options.timeScale,
      // The resolved, labelled tickets the zero-config start learns from.
      history: true,
      logger: options.logger,
    }),
  serverDeps(client, shared) {
    const freshservice = createFreshserviceClient(client);
    return { ...shared, freshservice, directory: createFreshserviceDirectory(freshservice) };
  },
  // Freshservice triage routes to the account's own agent groups (learnt from its history), not
  // to groups TRIAGE_CONFIG names, so no configured group can be missing.
  missingGroups: async () => [],
  createDemoTickets: createFreshserviceDemoTickets,
  people(options) {
    const people = createPersonFreshservice(options);
    return {
      keyCheck: people.keyCheck,
      serverFor: (deps, agentId, apiKey) =>
        "freshservice" in deps ? { ...deps, freshservice: people.forPerson(agentId, apiKey) } : deps,
    };
  },
};

/**
 * The seeded sandbox account's priority matrix (Admin › Priority Matrix in a real account, which
 * no API returns). The zero-config start uses it when TRIAGE_CONFIG gives none, as an operator of
 * that account would copy it there; a real account's comes only from TRIAGE_CONFIG.
 */
export const SANDBOX_PRIORITY_MATRIX: PriorityMatrix = { cells: PRIORITY_MATRIX };
