// Everything of the Freshservice API besides tickets, conversations and ticket form fields:
// people, groups, departments, the knowledge base, canned responses, the service catalog,
// assets, changes, problems, SLA policies and business hours.
//
// app.ts mounts these with `registerFreshserviceResourceRoutes(apiRoutes(table), deps)`, next to
// the ticket routes; every module reads and writes the one FreshserviceStore in `deps`.
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";
import { agentRoutes } from "./agents.ts";
import { assetRoutes } from "./assets.ts";
import { cannedResponseRoutes } from "./canned-responses.ts";
import { changeProblemRoutes } from "./changes-problems.ts";
import { departmentRoutes } from "./departments.ts";
import { groupRoutes } from "./groups.ts";
import { requesterRoutes } from "./requesters.ts";
import { roleRoutes } from "./roles.ts";
import { serviceCatalogRoutes } from "./service-catalog.ts";
import { serviceLevelRoutes } from "./service-levels.ts";
import { solutionRoutes } from "./solutions.ts";

export function registerFreshserviceResourceRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  requesterRoutes(api, deps);
  agentRoutes(api, deps);
  roleRoutes(api);
  groupRoutes(api, deps);
  departmentRoutes(api, deps);
  solutionRoutes(api, deps);
  cannedResponseRoutes(api, deps);
  serviceCatalogRoutes(api, deps);
  assetRoutes(api, deps);
  changeProblemRoutes(api, deps);
  serviceLevelRoutes(api, deps);
}
