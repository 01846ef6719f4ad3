import { FreshdeskApiError, type FreshdeskClient, isAccountAdmin } from "../freshdesk/index.ts";
import type { Logger } from "../logger.ts";

/** The agent a pasted API key belongs to, as the consent page shows and stores them. */
export type KeyOwner = {
  agentId: number;
  name: string;
  email: string | undefined;
  /**
   * Whether the product's roles make this agent an account admin. Asked only when
   * MCP_ADMIN_AGENTS does not already name them (it costs a call); false when the key may not
   * read the roles.
   */
  hasAdminRole(): Promise<boolean>;
};

/**
 * Who owns a pasted API key, asked of the product with that very key. Throws the client's typed
 * errors: `FreshdeskAuthError` 401 for a key the product refuses, 403 for a key that is not an
 * active agent's, any other `FreshdeskApiError` when the product cannot answer. (Freshservice's
 * client throws the same classes, labelled "Freshservice".)
 */
export type KeyCheck = (apiKey: string) => Promise<KeyOwner>;

/** Freshdesk: `GET /agents/me`; admin from the agent's `role_ids` against `GET /roles`. */
export function freshdeskKeyCheck(
  freshdeskFor: (apiKey: string) => FreshdeskClient,
  logger: Logger,
): KeyCheck {
  return async (apiKey) => {
    const freshdesk = freshdeskFor(apiKey);
    const me = await freshdesk.agents.me();
    return {
      agentId: me.id,
      name: me.contact.name?.trim() || `Agent ${me.id}`,
      email: me.contact.email ?? undefined,
      async hasAdminRole() {
        if ((me.role_ids ?? []).length === 0) return false;
        return rolesReadable(logger, me.id, async () => isAccountAdmin(me, await freshdesk.roles.list()));
      },
    };
  };
}

/** An agent whose key may not read the roles is not an admin (the product answers 403). */
export async function rolesReadable(
  logger: Logger,
  agentId: number,
  decide: () => Promise<boolean>,
): Promise<boolean> {
  try {
    return await decide();
  } catch (error) {
    const code = error instanceof FreshdeskApiError ? error.code : String(error);
    logger.info({ agentId, err: code }, "consent: roles not readable with this key");
    return false;
  }
}
