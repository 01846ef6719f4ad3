import type { Logger } from "../logger.ts";
import type { KeyVault } from "./key-vault.ts";
import type { TokenStore } from "./token-store.ts";

/**
 * The part of a person's helpdesk client every product shares: a `fetch` that watches the
 * answers to that person's calls. A 401 means the product no longer accepts the key (rotated,
 * agent deactivated): that person's tokens are revoked and the key forgotten, so their client is
 * told to sign in again. 403, 429 and 5xx are answers about a call, not the key, and sign nobody
 * out.
 */
export function watchedPersonFetch(options: {
  /** "Freshdesk" or "Freshservice", as people read it. */
  productLabel: string;
  agentId: number;
  apiKey: string;
  store: TokenStore;
  vault: KeyVault;
  logger: Logger;
  fetch: typeof fetch;
}): typeof fetch {
  const { productLabel, agentId, apiKey } = options;
  const signedOut = `${productLabel} no longer accepts your API key, so you were signed out of this connection. Connect again and paste your current key.`;
  return async (input, init) => {
    const response = await options.fetch(input, init);
    if (response.status !== 401) return response;
    // Only if the refused key is still the stored one: a fresh sign-in must survive.
    if ((await options.vault.get(agentId)) === apiKey) {
      const grants = await options.store.revokePerson(agentId);
      await options.vault.delete(agentId);
      options.logger.warn(
        { agentId, grants },
        `${productLabel} refused a person's API key: their OAuth sign-ins are revoked`,
      );
    }
    // The product's own text says only "log in"; the person needs to know what happened here.
    return new Response(JSON.stringify({ code: "invalid_credentials", message: signedOut }), {
      status: 401,
      headers: { "Content-Type": "application/json" },
    });
  };
}
