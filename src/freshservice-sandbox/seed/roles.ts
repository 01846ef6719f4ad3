// The account's agent roles (`GET /roles`). The agents' `roles[].role_id` (org.ts) point here:
// the service manager holds 1, every other agent 2. Names are Freshservice's built-in roles
// [inferred: Freshservice's admin pages; the reference names only the endpoint].

/** A role as `GET /roles` answers it [inferred shape: id, name, description, default, timestamps]. */
export type FsRoleRecord = {
  id: number;
  name: string;
  description: string;
  default: boolean;
  created_at: string;
  updated_at: string;
};

const CREATED = "2023-06-01T08:00:00Z";

const ROLES: readonly [number, string, string][] = [
  [1, "Account Admin", "Complete control of the service desk, including billing and account settings."],
  [2, "SD Agent", "Works on tickets, problems and changes of their groups; no admin settings."],
  [3, "Admin", "Configures the service desk (workflows, forms, SLAs, agents) but not billing."],
  [4, "SD Supervisor", "An agent who also manages their groups' queues and reports."],
  [5, "Asset Manager", "Manages assets and contracts besides an agent's ticket work."],
];

export const FS_ROLES: readonly FsRoleRecord[] = ROLES.map(([id, name, description]) => ({
  id,
  name,
  description,
  default: true,
  created_at: CREATED,
  updated_at: CREATED,
}));
