import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { callTool } from "../src/mcp/in-process-client.ts";

/**
 * Company name and fields for the VIP rule, through the MCP client, cached per company so a
 * busy customer costs one Freshdesk credit per TTL, not one per ticket. Freshdesk's own
 * account-management `account_tier` is offered as a field too.
 */
export type CompanyFacts = { name: string; customFields: Record<string, unknown> };

export function createCompanyLookup(client: Client, options: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<number, { facts: CompanyFacts; at: number }>();
  return {
    async get(companyId: number): Promise<CompanyFacts> {
      const hit = cache.get(companyId);
      if (hit && now() - hit.at < ttlMs) return hit.facts;
      const company = await callTool(client, "get_company", { company_id: companyId });
      const customFields: Record<string, unknown> = { ...company.custom_fields };
      if (company.account_tier !== undefined) customFields.account_tier ??= company.account_tier;
      const facts = { name: company.name, customFields };
      cache.set(companyId, { facts, at: now() });
      return facts;
    },
  };
}

export type CompanyLookup = ReturnType<typeof createCompanyLookup>;
