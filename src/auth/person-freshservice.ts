import {
  createFreshserviceClient,
  type FreshserviceClient,
  type FreshserviceClientOptions,
  isFreshserviceAccountAdmin,
} from "../freshservice/index.ts";
import type { Logger } from "../logger.ts";
import { type KeyCheck, rolesReadable } from "./key-check.ts";
import type { KeyVault } from "./key-vault.ts";
import { watchedPersonFetch } from "./person-client.ts";
import type { TokenStore } from "./token-store.ts";

/**
 * Freshservice clients acting with a person's own API key, as person-freshdesk.ts does for
 * Freshdesk: the account's shared rate governor (and its sub-limits), only the key differs, and
 * a 401 signs the person out (person-client.ts).
 */
export type PersonFreshservice = {
  /** A client for a key being checked (the consent page); a refusal there signs nobody out. */
  forKey(apiKey: string): FreshserviceClient;
  /** A client for a signed-in person's tool calls. */
  forPerson(agentId: number, apiKey: string): FreshserviceClient;
  /** The consent page's check of a pasted key (`authorizationRoutes({ keyCheck })`). */
  keyCheck: KeyCheck;
};

export function createPersonFreshservice(options: {
  client: Omit<FreshserviceClientOptions, "apiKey" | "fetch">;
  store: TokenStore;
  vault: KeyVault;
  logger: Logger;
  fetch?: typeof fetch;
}): PersonFreshservice {
  const baseFetch = options.fetch ?? fetch;
  const forKey = (apiKey: string) =>
    createFreshserviceClient({ ...options.client, apiKey, fetch: baseFetch });
  return {
    forKey,
    forPerson(agentId, apiKey) {
      const watched = watchedPersonFetch({
        productLabel: "Freshservice",
        agentId,
        apiKey,
        store: options.store,
        vault: options.vault,
        logger: options.logger,
        fetch: baseFetch,
      });
      return createFreshserviceClient({ ...options.client, apiKey, fetch: watched });
    },
    keyCheck: freshserviceKeyCheck(forKey, options.logger),
  };
}

/**
 * Freshservice: `GET /agents/me` [inferred from integrations: not in the reference, but the call
 * integrations make to check a key]; admin when one of the agent's `roles[].role_id` is an
 * account-admin role by name in `GET /roles` (resources/roles.ts), or MCP_ADMIN_AGENTS names them.
 */
export function freshserviceKeyCheck(
  freshserviceFor: (apiKey: string) => FreshserviceClient,
  logger: Logger,
): KeyCheck {
  return async (apiKey) => {
    const freshservice = freshserviceFor(apiKey);
    const me = await freshservice.agents.me();
    const name = [me.first_name, me.last_name]
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(" ");
    return {
      agentId: me.id,
      name: name || `Agent ${me.id}`,
      email: me.email ?? undefined,
      async hasAdminRole() {
        if ((me.roles ?? []).length === 0) return false;
        return rolesReadable(logger, me.id, async () =>
          isFreshserviceAccountAdmin(me, await freshservice.roles.list()),
        );
      },
    };
  };
}
