import { Hono } from "hono";
import type { KeyVault } from "../auth/key-vault.ts";
import type { TokenStore } from "../auth/token-store.ts";
import type { McpToken } from "../config.ts";
import { BadRequestError } from "../errors.ts";
import { type AuthVariables, type FailedAttempts, requireBearer } from "./auth.ts";

/**
 * Operator endpoints for OAuth sign-ins, mounted at /admin/oauth (admin scope): who has signed
 * in with which clients, and revoking a person (every client, and their stored key) or a client
 * (every person).
 */
export function oauthAdminRoutes(deps: {
  tokens: readonly McpToken[];
  store: TokenStore;
  vault: KeyVault;
  failedSignIns?: FailedAttempts;
}): Hono<{ Variables: AuthVariables }> {
  const app = new Hono<{ Variables: AuthVariables }>();
  app.use("*", requireBearer(deps.tokens, "admin", deps.failedSignIns));

  const agentId = (raw: string) => {
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new BadRequestError(`The agent id must be a positive integer; got "${raw}".`);
    }
    return id;
  };

  app.get("/people/:id", async (c) => {
    const id = agentId(c.req.param("id"));
    const grants = await deps.store.grantsOfPerson(id);
    return c.json({
      agent_id: id,
      signed_in: grants.map((grant) => ({
        client_id: grant.clientId,
        client_name: grant.clientName,
        scopes: grant.scopes,
        since: grant.createdAt,
      })),
    });
  });

  app.delete("/people/:id", async (c) => {
    const id = agentId(c.req.param("id"));
    const revoked = await deps.store.revokePerson(id);
    await deps.vault.delete(id);
    return c.json({ revoked });
  });

  app.delete("/clients/:id", async (c) =>
    c.json({ revoked: await deps.store.revokeClient(c.req.param("id")) }),
  );
  return app;
}
