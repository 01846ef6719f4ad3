// The seeded Freshservice account: an IT service desk (reference: shared/reference/freshservice-api.md).
// Deterministic: the same `nowMs` always gives the same account, with timestamps relative to it.
import { createSeedClock } from "../../sandbox/seed/clock.ts";
import { assetTypeId, buildAssets, buildAssetTypes } from "./assets.ts";
import { buildServiceCatalog } from "./catalog.ts";
import { buildTicketFormFields } from "./form-fields.ts";
import { WORKSPACE_ID } from "./ids.ts";
import { buildBusinessHours, buildChanges, buildProblems, buildSlaPolicies } from "./itsm.ts";
import { buildCannedResponses, buildKnowledgeBase } from "./knowledge.ts";
import { buildAgents, buildDepartments, buildGroups, buildRequesters, CURRENT_AGENT_ID } from "./org.ts";
import { buildDemoTickets } from "./tickets.ts";
import type { FreshserviceSeed } from "./types.ts";

export { CATEGORY_TREE, isCategoryPath } from "./categories.ts";
export { DEMO_FIRST_ID, HISTORY_FIRST_ID, SUPPORT_EMAIL, WORKSPACE_ID } from "./ids.ts";
export { DEPARTMENT_NAMES, GROUP_NAMES } from "./org.ts";
export { LAPTOP_DEMO_REQUESTER_INDEX } from "./tickets.ts";
export type * from "./types.ts";

export function buildFreshserviceSeed(nowMs: number): FreshserviceSeed {
  const clock = createSeedClock(nowMs);
  const departments = buildDepartments(clock);
  const groups = buildGroups(clock);
  const agents = buildAgents(clock);
  const requesters = buildRequesters(clock);
  const assetTypes = buildAssetTypes(clock);
  const assets = buildAssets(clock, requesters);
  const kb = buildKnowledgeBase(clock);
  const canned = buildCannedResponses(clock);
  const catalog = buildServiceCatalog(clock);
  const requesterId = (index: number) => requesters[(index * 7) % requesters.length]?.id ?? CURRENT_AGENT_ID;
  const demo = buildDemoTickets(clock, requesters, assets, assetTypeId);
  return {
    workspaceId: WORKSPACE_ID,
    departments,
    groups,
    agents,
    currentAgentId: CURRENT_AGENT_ID,
    requesters,
    ticketFormFields: buildTicketFormFields(clock, {
      groups,
      agents: agents.map((agent) => ({
        id: agent.id,
        name: `${agent.first_name} ${agent.last_name ?? ""}`.trim(),
      })),
      departments,
    }),
    tickets: demo.tickets,
    conversations: demo.conversations,
    ticketAssets: demo.ticketAssets,
    solutionCategories: kb.categories,
    solutionFolders: kb.folders,
    solutionArticles: kb.articles,
    cannedResponseFolders: canned.folders,
    cannedResponses: canned.responses,
    serviceCategories: catalog.categories,
    serviceItems: catalog.items,
    assetTypes,
    assets,
    changes: buildChanges(clock, requesterId),
    problems: buildProblems(clock, requesterId),
    slaPolicies: buildSlaPolicies(clock),
    businessHours: buildBusinessHours(clock),
  };
}
