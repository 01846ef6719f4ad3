// Sandbox-only endpoints under `/_sandbox`: the request counters (so another process, such as a
// benchmark, can read them), the bytes behind uploaded attachments, and each agent's API key.
import type { Hono } from "hono";
import type { SandboxEnv } from "../http/context.ts";
import { accessDenied, WireNotFoundError } from "../http/errors.ts";
import type { StatsRecorder } from "../http/stats.ts";
import type { SandboxStore } from "../store.ts";

export function sandboxAdminRoutes(
  app: Hono<SandboxEnv>,
  stats: StatsRecorder,
  store: SandboxStore,
  adminKeyUsed: (authorization: string | undefined) => boolean,
): void {
  app.get("/_sandbox/stats", (c) => c.json(stats.snapshot()));
  app.post("/_sandbox/stats/reset", (c) => {
    stats.reset();
    return c.body(null, 204);
  });
  // Only the account's admin key may read the other agents' keys; an agent's own key is refused,
  // so a group-restricted agent cannot borrow a wider scope.
  app.get("/_sandbox/agents", (c) => {
    if (!adminKeyUsed(c.req.header("authorization"))) {
      throw accessDenied();
    }
    const keyOf = new Map([...store.agentKeys].map(([key, agentId]) => [agentId, key]));
    const agents = [...store.agents.values()].sort((a, b) => a.contact.name.localeCompare(b.contact.name));
    return c.json(
      agents.map((agent) => ({
        id: agent.id,
        name: agent.contact.name,
        email: agent.contact.email,
        api_key: keyOf.get(agent.id) ?? null,
        ticket_scope: agent.ticket_scope,
        group_ids: [...agent.group_ids],
        roles: agent.role_ids.map((id) => store.roles.get(id)?.name ?? String(id)),
      })),
    );
  });
  app.get("/_sandbox/attachments/:id{[0-9]+}/:name", (c) => {
    const file = store.files.get(Number(c.req.param("id")));
    if (!file) throw new WireNotFoundError();
    return c.body(file.bytes.slice().buffer as ArrayBuffer, 200, { "Content-Type": file.contentType });
  });
}
