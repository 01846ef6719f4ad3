import { z } from "zod";
import type { Transport } from "../../freshdesk/transport.ts";
import type { FsAgent } from "../schemas/agent.ts";
import { envelope } from "../schemas/common.ts";
import { type FsRole, fsRoleSchema } from "../schemas/role.ts";
import { allPages, laterPage, resourceId } from "./params.ts";

/**
 * Freshservice's built-in roles that own or configure the whole account [inferred: the names of
 * the default roles in Freshservice's admin pages; the reference lists only `/roles`]. "Account
 * Admin" also handles billing; "Admin" configures the service desk. Freshdesk's equivalents are
 * "Account Administrator" and "Administrator".
 */
export const FRESHSERVICE_ADMIN_ROLE_NAMES = ["Account Admin", "Admin"] as const;

export function rolesApi(transport: Transport) {
  return {
    /** Every role (a few dozen at most), following the pages. */
    async list(): Promise<FsRole[]> {
      return allPages(async (page) => {
        const { data, nextPage } = await transport.json(
          { method: "GET", path: "/roles", query: laterPage(page) },
          envelope("roles", z.array(fsRoleSchema)),
        );
        return { items: data, nextPage };
      });
    },

    async get(id: number): Promise<FsRole> {
      const { data } = await transport.json(
        { method: "GET", path: `/roles/${resourceId("role", id)}` },
        envelope("role", fsRoleSchema),
      );
      return data;
    },
  };
}

/**
 * Whether an agent (from `/agents/me` or `/agents/{id}`, whose `roles[].role_id` name its roles)
 * holds one of the account-admin roles. The agent object has no admin flag of its own. A role
 * held for only some groups (`assignment_scope` other than `entire_helpdesk`) still counts: the
 * admin roles are account-wide whatever their scope says [inferred].
 */
export function isFreshserviceAccountAdmin(agent: Pick<FsAgent, "roles">, roles: readonly FsRole[]): boolean {
  const adminRoleIds = new Set(
    roles
      .filter((role) => (FRESHSERVICE_ADMIN_ROLE_NAMES as readonly string[]).includes(role.name))
      .map((role) => role.id),
  );
  return (agent.roles ?? []).some((role) => adminRoleIds.has(role.role_id));
}

export type FsRolesApi = ReturnType<typeof rolesApi>;
