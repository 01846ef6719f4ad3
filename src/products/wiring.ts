import type { KeyCheck } from "../auth/key-check.ts";
import type { KeyVault } from "../auth/key-vault.ts";
import type { TokenStore } from "../auth/token-store.ts";
import type { FreshdeskClientOptions } from "../freshdesk/client.ts";
import type { Logger } from "../logger.ts";
import type { McpServerDeps, SharedServerDeps } from "../mcp/deps.ts";
import type { Product } from "../product.ts";
import type { WebhookEvent } from "../routes/webhook-payload.ts";
import type { Sandbox } from "../sandbox/app.ts";
import type { Taxonomy } from "../triage/taxonomy.ts";

/** A demo ticket the zero-config start created in the sandbox. */
export type CreatedDemo = { id: number; subject: string };

/**
 * What the composition root needs to know about one product: everything else it builds (intake,
 * queue, workers, rate governor, tool server, learning, pages, metrics) is shared. The workers'
 * own product parts are chosen in workers/runtime.ts, learning's in src/learning/learner.ts.
 */
export type ProductWiring = {
  product: Product;
  /** `POST /webhooks/<webhookPath>` is where the product's automation calls us. */
  webhookPath: string;
  parseWebhook(body: unknown): WebhookEvent;
  /** The product's simulator with its seeded account and labelled history, for the zero-config start. */
  createSandbox(options: { apiKey: string; plan: string; timeScale: number; logger: Logger }): Sandbox;
  /** The tool server's deps over a client of the product with the service's own key. */
  serverDeps(client: FreshdeskClientOptions, shared: SharedServerDeps): McpServerDeps<Product>;
  /** Groups TRIAGE_CONFIG routes to that the account lacks (the start-up check). */
  missingGroups(deps: McpServerDeps<Product>, taxonomy: Taxonomy): Promise<string[]>;
  /** A few new tickets in the sandbox that show the whole flow at once. */
  createDemoTickets(apiBase: string, apiKey: string): Promise<CreatedDemo[]>;
  /** OAuth sign-in: how a pasted key is checked, and a person's own tool server. */
  people(options: PeopleOptions): People;
};

export type PeopleOptions = {
  client: Omit<FreshdeskClientOptions, "apiKey" | "fetch">;
  store: TokenStore;
  vault: KeyVault;
  logger: Logger;
};

export type People = {
  keyCheck: KeyCheck;
  /** The service's tool server deps with a client acting with this person's own key. */
  serverFor(deps: McpServerDeps<Product>, agentId: number, apiKey: string): McpServerDeps<Product>;
};
