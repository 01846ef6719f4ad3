import { z } from "zod";
import type { Agent } from "../schemas/agent.ts";
import { type Role, roleSchema } from "../schemas/role.ts";
import type { Transport } from "../transport.ts";
import { resourceId } from "./resource-id.ts";

/** Freshdesk's default role that owns the account; "Administrator" can configure but not bill. */
export const ACCOUNT_ADMIN_ROLE_NAMES = ["Account Administrator", "Administrator"] as const;

export function rolesApi(transport: Transport) {
  return {
    async list(): Promise<Role[]> {
      const { data } = await transport.json({ method: "GET", path: "/roles" }, z.array(roleSchema));
      return data;
    },

    async get(id: number): Promise<Role> {
      const { data } = await transport.json(
        { method: "GET", path: `/roles/${resourceId("role", id)}` },
        roleSchema,
      );
      return data;
    },
  };
}

/**
 * Whether an agent (from `/agents/me` or `/agents/{id}`, which carry `role_ids`) holds one of
 * the admin roles. Freshdesk's agent object has no admin flag; only its roles say so.
 */
export function isAccountAdmin(agent: Pick<Agent, "role_ids">, roles: readonly Role[]): boolean {
  const adminRoleIds = new Set(
    roles
      .filter((role) => (ACCOUNT_ADMIN_ROLE_NAMES as readonly string[]).includes(role.name))
      .map((r) => r.id),
  );
  return (agent.role_ids ?? []).some((id) => adminRoleIds.has(id));
}

export type RolesApi = ReturnType<typeof rolesApi>;
