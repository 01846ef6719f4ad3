import { z } from "zod";
import type { FsChange, FsProblem } from "../../../freshservice/index.ts";
import type { FsNames } from "./names.ts";

/**
 * What changes and problems share, with names beside ids: priority, impact, the group and agent
 * working on it, the requester and department, and the category path.
 */
export const itsmRecordShape = {
  priority: z.number().optional(),
  priority_name: z.string().optional(),
  impact: z.number().optional(),
  impact_name: z.string().optional(),
  group_id: z.number().optional(),
  group_name: z.string().optional(),
  agent_id: z.number().optional(),
  agent_name: z.string().optional(),
  requester_id: z.number().optional(),
  department_id: z.number().optional(),
  department_name: z.string().optional(),
  category: z.string().optional(),
  sub_category: z.string().optional(),
  item_category: z.string().optional(),
};

export function itsmRecordFields(record: FsChange | FsProblem, names: FsNames) {
  return {
    priority: record.priority ?? undefined,
    priority_name: names.priority(record.priority),
    impact: record.impact ?? undefined,
    impact_name: names.impact(record.impact),
    group_id: record.group_id ?? undefined,
    group_name: names.group(record.group_id),
    agent_id: record.agent_id ?? undefined,
    agent_name: names.agent(record.agent_id),
    requester_id: record.requester_id ?? undefined,
    department_id: record.department_id ?? undefined,
    department_name: names.department(record.department_id),
    category: record.category ?? undefined,
    sub_category: record.sub_category ?? undefined,
    item_category: record.item_category ?? undefined,
  };
}
