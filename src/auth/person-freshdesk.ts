import {
  createFreshdeskClient,
  type FreshdeskClient,
  type FreshdeskClientOptions,
} from "../freshdesk/index.ts";
import type { Logger } from "../logger.ts";
import type { KeyVault } from "./key-vault.ts";
import { watchedPersonFetch } from "./person-client.ts";
import type { TokenStore } from "./token-store.ts";

/**
 * Freshdesk clients acting with a person's own API key. They share the account's rate governor
 * (every call still counts against the one account budget), so only the key differs from the
 * service's own client. A 401 signs the person out (person-client.ts).
 */
export type PersonFreshdesk = {
  /** A client for a key being checked (the consent page); a refusal there signs nobody out. */
  forKey(apiKey: string): FreshdeskClient;
  /** A client for a signed-in person's tool calls. */
  forPerson(agentId: number, apiKey: string): FreshdeskClient;
};

export function createPersonFreshdesk(options: {
  client: Omit<FreshdeskClientOptions, "apiKey" | "fetch">;
  store: TokenStore;
  vault: KeyVault;
  logger: Logger;
  fetch?: typeof fetch;
}): PersonFreshdesk {
  const baseFetch = options.fetch ?? fetch;
  return {
    forKey: (apiKey) => createFreshdeskClient({ ...options.client, apiKey, fetch: baseFetch }),
    forPerson(agentId, apiKey) {
      const watched = watchedPersonFetch({
        productLabel: "Freshdesk",
        agentId,
        apiKey,
        store: options.store,
        vault: options.vault,
        logger: options.logger,
        fetch: baseFetch,
      });
      return createFreshdeskClient({ ...options.client, apiKey, fetch: watched });
    },
  };
}
