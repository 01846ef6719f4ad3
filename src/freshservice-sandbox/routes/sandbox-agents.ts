// `GET /_sandbox/agents`: each seeded agent with their own API key, so a person can sign in to
// the OAuth consent page as that agent (their notes and updates are then attributed to them).
// Like the Freshdesk sandbox's, only the account's admin key may read it.
import type { Hono } from "hono";
import { hasApiKey } from "../../sandbox/http/auth.ts";
import type { SandboxEnv } from "../../sandbox/http/context.ts";
import { accessDenied } from "../../sandbox/http/errors.ts";
import { FS_ROLES } from "../seed/roles.ts";
import type { FreshserviceStore } from "../store.ts";

const ROLE_NAMES = new Map(FS_ROLES.map((role) => [role.id, role.name]));

export function sandboxAgentRoutes(app: Hono<SandboxEnv>, store: FreshserviceStore, adminKey: string): void {
  app.get("/_sandbox/agents", (c) => {
    if (!hasApiKey(c.req.header("authorization"), adminKey)) throw accessDenied();
    const keyOf = new Map([...store.agentKeys].map(([key, agentId]) => [agentId, key]));
    const agents = [...store.agents.values()].sort((a, b) => a.id - b.id);
    return c.json(
      agents.map((agent) => ({
        id: agent.id,
        name: [agent.first_name, agent.last_name].filter(Boolean).join(" "),
        email: agent.email,
        api_key: keyOf.get(agent.id) ?? null,
        member_of: [...agent.member_of],
        roles: agent.roles.map((role) => ROLE_NAMES.get(role.role_id) ?? String(role.role_id)),
      })),
    );
  });
}
