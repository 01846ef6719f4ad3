import type { SeedClock } from "./clock.ts";
import { ROLE } from "./ids.ts";
import type { FdRole } from "./types.ts";

/** Freshdesk's four default roles, under their default names and descriptions. */
const ROLES: { id: number; name: string; description: string }[] = [
  {
    id: ROLE.accountAdmin,
    name: "Account Administrator",
    description:
      "Has complete control over the help desk including access to Account or Billing related information, and receives Invoices.",
  },
  {
    id: ROLE.admin,
    name: "Administrator",
    description:
      "Can configure all features through the Admin tab, but is restricted from viewing Account or Billing related information.",
  },
  {
    id: ROLE.supervisor,
    name: "Supervisor",
    description:
      "Can perform all agent related activities and access reports, but cannot access or change configurations in the Admin tab.",
  },
  {
    id: ROLE.agent,
    name: "Agent",
    description: "Can log, view, reply, update and resolve tickets and manage contacts.",
  },
];

export function buildRoles(clock: SeedClock): FdRole[] {
  return ROLES.map((role) => ({
    id: role.id,
    name: role.name,
    description: role.description,
    default: true,
    created_at: clock.ago({ days: 420 }),
    updated_at: clock.ago({ days: 420 }),
    agent_type: 1,
  }));
}
