import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Scope } from "../config.ts";

/**
 * OAuth state in Redis: registered clients, authorization codes, grants (one person's approval
 * of one client) and their access and refresh tokens. Codes, tokens and client secrets are kept
 * only as SHA-256 hashes, so a copy of Redis signs nobody in. Every token belongs to a grant,
 * and grants are indexed per person and per client so either can be revoked at once.
 */

export type TokenEndpointAuthMethod = "none" | "client_secret_basic" | "client_secret_post";

export type StoredClient = {
  client_id: string;
  /** SHA-256 of the secret, for confidential clients. */
  client_secret_hash?: string;
  client_secret_expires_at?: number;
  client_id_issued_at: number;
  client_name?: string;
  client_uri?: string;
  redirect_uris: string[];
  token_endpoint_auth_method: TokenEndpointAuthMethod;
  grant_types: string[];
  response_types: string[];
  scope?: string;
};

/** Who approved what: one person, one client, the scopes granted and the resource (audience). */
export type Grant = {
  id: string;
  agentId: number;
  personName: string;
  personEmail: string | undefined;
  clientId: string;
  clientName: string;
  scopes: Scope[];
  resource: string;
  createdAt: string;
};

export type PendingCode = Omit<Grant, "id" | "createdAt"> & {
  redirectUri: string;
  codeChallenge: string;
};

export type IssuedTokens = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
};

export type TakenCode =
  | { kind: "found"; code: PendingCode; markIssued(grantId: string): Promise<void> }
  | { kind: "reused" }
  | { kind: "unknown" };

export type TokenStoreOptions = {
  redis: Redis;
  /** Carries the Freshdesk account, like every key of the account's data. */
  keyPrefix: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** How long a code may wait before it is exchanged (default 300 s). */
  codeTtlSeconds?: number;
  /** Dynamically registered clients unused for this long are forgotten (default 90 days). */
  clientTtlSeconds?: number;
};

export type TokenStore = ReturnType<typeof createTokenStore>;

const ACCESS_TOKEN_KIND = "fdt_at";
/** Every access token starts so; /mcp tells an expired token of ours from a guess by it. */
export const ACCESS_TOKEN_PREFIX = `${ACCESS_TOKEN_KIND}_`;

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newSecret(kind: string): string {
  return `${kind}_${randomBytes(32).toString("base64url")}`;
}

export function createTokenStore(options: TokenStoreOptions) {
  const { redis } = options;
  const p = `${options.keyPrefix}:oauth`;
  const codeTtl = options.codeTtlSeconds ?? 300;
  const clientTtl = options.clientTtlSeconds ?? 90 * 86_400;
  const refreshTtl = options.refreshTokenTtlSeconds;
  const keys = {
    client: (id: string) => `${p}:client:${hashSecret(id)}`,
    code: (hash: string) => `${p}:code:${hash}`,
    usedCode: (hash: string) => `${p}:code-used:${hash}`,
    access: (hash: string) => `${p}:at:${hash}`,
    refresh: (hash: string) => `${p}:rt:${hash}`,
    grant: (id: string) => `${p}:grant:${id}`,
    grantTokens: (id: string) => `${p}:grant-tokens:${id}`,
    person: (agentId: number) => `${p}:person:${agentId}`,
    clientGrants: (id: string) => `${p}:client-grants:${hashSecret(id)}`,
  };

  async function readJson<T>(key: string): Promise<T | undefined> {
    const raw = await redis.get(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  }

  async function issue(grant: Grant): Promise<IssuedTokens> {
    const access = newSecret(ACCESS_TOKEN_KIND);
    const refresh = newSecret("fdt_rt");
    const accessKey = keys.access(hashSecret(access));
    const refreshKey = keys.refresh(hashSecret(refresh));
    const expiresAt = Date.now() + options.accessTokenTtlSeconds * 1000;
    await redis
      .multi()
      .set(accessKey, JSON.stringify({ grantId: grant.id, expiresAt }), "EX", options.accessTokenTtlSeconds)
      .set(refreshKey, JSON.stringify({ grantId: grant.id, clientId: grant.clientId }), "EX", refreshTtl)
      .sadd(keys.grantTokens(grant.id), accessKey, refreshKey)
      .expire(keys.grantTokens(grant.id), refreshTtl)
      .expire(keys.grant(grant.id), refreshTtl)
      .exec();
    return {
      access_token: access,
      token_type: "Bearer",
      expires_in: options.accessTokenTtlSeconds,
      refresh_token: refresh,
      scope: grant.scopes.join(" "),
    };
  }

  async function revokeGrant(grantId: string): Promise<void> {
    const grant = await readJson<Grant>(keys.grant(grantId));
    const tokenKeys = await redis.smembers(keys.grantTokens(grantId));
    const multi = redis.multi().del(keys.grant(grantId), keys.grantTokens(grantId), ...tokenKeys);
    if (grant)
      multi.srem(keys.person(grant.agentId), grantId).srem(keys.clientGrants(grant.clientId), grantId);
    await multi.exec();
  }

  async function revokeSet(setKey: string): Promise<number> {
    const ids = await redis.smembers(setKey);
    for (const id of ids) await revokeGrant(id);
    await redis.del(setKey);
    return ids.length;
  }

  return {
    async saveClient(client: StoredClient): Promise<void> {
      await redis.set(keys.client(client.client_id), JSON.stringify(client), "EX", clientTtl);
    },

    /** A client in use is kept: its registration lives `clientTtlSeconds` past its last token. */
    async touchClient(clientId: string): Promise<void> {
      await redis.expire(keys.client(clientId), clientTtl);
    },

    getClient(clientId: string): Promise<StoredClient | undefined> {
      return readJson<StoredClient>(keys.client(clientId));
    },

    /** A new single-use authorization code for an approved request. */
    async saveCode(code: PendingCode): Promise<string> {
      const secret = newSecret("fdt_code");
      await redis.set(keys.code(hashSecret(secret)), JSON.stringify(code), "EX", codeTtl);
      return secret;
    },

    /**
     * Takes a code out (whatever happens next, it cannot be used again). A code presented a
     * second time revokes the grant its first use created: someone else may hold those tokens.
     */
    async takeCode(secret: string): Promise<TakenCode> {
      const hash = hashSecret(secret);
      const raw = await redis.getdel(keys.code(hash));
      if (raw) {
        // Marked used before any token exists, so a concurrent second use is caught as reuse.
        await redis.set(keys.usedCode(hash), "-", "EX", refreshTtl);
        return {
          kind: "found",
          code: JSON.parse(raw) as PendingCode,
          markIssued: async (grantId) =>
            void (await redis.set(keys.usedCode(hash), grantId, "EX", refreshTtl)),
        };
      }
      const used = await redis.get(keys.usedCode(hash));
      if (used === null) return { kind: "unknown" };
      if (used !== "-") await revokeGrant(used);
      return { kind: "reused" };
    },

    async createGrant(
      fields: Omit<Grant, "id" | "createdAt">,
    ): Promise<{ grant: Grant; tokens: IssuedTokens }> {
      const grant: Grant = {
        ...fields,
        id: randomBytes(16).toString("hex"),
        createdAt: new Date().toISOString(),
      };
      await redis
        .multi()
        .set(keys.grant(grant.id), JSON.stringify(grant), "EX", refreshTtl)
        .sadd(keys.person(grant.agentId), grant.id)
        .sadd(keys.clientGrants(grant.clientId), grant.id)
        .exec();
      return { grant, tokens: await issue(grant) };
    },

    /** The grant behind a live access token, or undefined (unknown, expired or revoked). */
    async findAccessToken(token: string): Promise<{ grant: Grant; expiresAt: number } | undefined> {
      const record = await readJson<{ grantId: string; expiresAt: number }>(keys.access(hashSecret(token)));
      if (!record || record.expiresAt <= Date.now()) return undefined;
      const grant = await readJson<Grant>(keys.grant(record.grantId));
      return grant ? { grant, expiresAt: record.expiresAt } : undefined;
    },

    /**
     * A refresh token is good once: it is exchanged for a new access token and a new refresh
     * token. Undefined when unknown, already used, or issued to another client.
     */
    async rotateRefreshToken(
      token: string,
      clientId: string,
    ): Promise<{ grant: Grant; tokens: IssuedTokens } | undefined> {
      const key = keys.refresh(hashSecret(token));
      const record = await readJson<{ grantId: string; clientId: string }>(key);
      if (!record || record.clientId !== clientId) return undefined;
      if ((await redis.del(key)) !== 1) return undefined;
      await redis.srem(keys.grantTokens(record.grantId), key);
      const grant = await readJson<Grant>(keys.grant(record.grantId));
      return grant ? { grant, tokens: await issue(grant) } : undefined;
    },

    /** RFC 7009: an access token ends alone; a refresh token ends its whole grant. */
    async revokeToken(token: string, clientId: string): Promise<void> {
      const hash = hashSecret(token);
      const access = await readJson<{ grantId: string }>(keys.access(hash));
      const refresh = await readJson<{ grantId: string }>(keys.refresh(hash));
      const grantId = access?.grantId ?? refresh?.grantId;
      if (!grantId) return;
      const grant = await readJson<Grant>(keys.grant(grantId));
      if (grant && grant.clientId !== clientId) return;
      if (refresh) await revokeGrant(grantId);
      else
        await redis.multi().del(keys.access(hash)).srem(keys.grantTokens(grantId), keys.access(hash)).exec();
    },

    revokeGrant,
    /** Signs a person out of every client; returns how many grants ended. */
    revokePerson: (agentId: number) => revokeSet(keys.person(agentId)),
    /** Ends every grant of one client, for every person. */
    revokeClient: (clientId: string) => revokeSet(keys.clientGrants(clientId)),

    async grantsOfPerson(agentId: number): Promise<Grant[]> {
      const ids = await redis.smembers(keys.person(agentId));
      const grants = await Promise.all(ids.map((id) => readJson<Grant>(keys.grant(id))));
      return grants.filter((grant): grant is Grant => grant !== undefined);
    },
  };
}
