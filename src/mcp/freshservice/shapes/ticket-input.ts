import { z } from "zod";

/** The ticket fields create_ticket and update_ticket both set (reference §2). */
export const ticketFields = {
  type: z.string().optional().describe('"Incident" or "Service Request" (some workspaces have other types)'),
  urgency: z.number().int().min(1).max(3).optional().describe("1 low, 2 medium, 3 high"),
  impact: z.number().int().min(1).max(3).optional().describe("1 low, 2 medium, 3 high"),
  category: z.string().optional().describe("level 1 of the category tree, e.g. Hardware"),
  sub_category: z.string().optional().describe("level 2 under category, e.g. Computer"),
  item_category: z.string().optional().describe("level 3 under sub_category, e.g. Mac"),
  group_id: z.number().int().positive().nullable().optional().describe("agent group; null removes it"),
  responder_id: z.number().int().positive().nullable().optional().describe("agent; null unassigns"),
  department_id: z.number().int().positive().nullable().optional().describe("from list_departments"),
  tags: z.array(z.string()).optional().describe("replaces the whole tag list"),
  due_by: z.string().optional().describe("ISO timestamp"),
  fr_due_by: z.string().optional().describe("first response due, ISO timestamp"),
  custom_fields: z.record(z.string(), z.unknown()).optional().describe("keyed by field name, no cf_ prefix"),
};
