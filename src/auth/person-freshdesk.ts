import {
  createFreshdeskClient,
  type FreshdeskClient,
  type FreshdeskClientOptions,
} from "../freshdesk/index.ts";
import type { Logger } from "../logger.ts";
import type { KeyVault } from "./key-vault.ts";
import type { TokenStore } from "./token-store.ts";

/**
 * Freshdesk clients acting with a person's own API key. They share the account's rate governor
 * (every call still counts against the one account budget), so only the key differs from the
 * service's own client. A 401 means Freshdesk no longer accepts the key (rotated, agent
 * deactivated): that person's tokens are revoked and the key forgotten, so their client is told
 * to sign in again. 403, 429 and 5xx are answers about a call, not the key, and sign nobody out.
 */
const SIGNED_OUT =
  "Freshdesk no longer accepts your API key, so you were signed out of this connection. Connect again and paste your current key.";

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
      const watched: typeof fetch = async (input, init) => {
        const response = await baseFetch(input, init);
        if (response.status === 401) {
          // Only if the refused key is still the stored one: a fresh sign-in must survive.
          if ((await options.vault.get(agentId)) === apiKey) {
            const grants = await options.store.revokePerson(agentId);
            await options.vault.delete(agentId);
            options.logger.warn(
              { agentId, grants },
              "Freshdesk refused a person's API key: their OAuth sign-ins are revoked",
            );
          }
          // Freshdesk's own text says only "log in"; the person needs to know what happened here.
          return new Response(JSON.stringify({ code: "invalid_credentials", message: SIGNED_OUT }), {
            status: 401,
            headers: { "Content-Type": "application/json" },
          });
        }
        return response;
      };
      return createFreshdeskClient({ ...options.client, apiKey, fetch: watched });
    },
  };
}
