import { z } from "zod";
import type { FsChange } from "../../../freshservice/index.ts";
import { clip, dropEmpty } from "../../output/clean.ts";
import { bodyText } from "../../output/html-to-text.ts";
import { itsmRecordFields, itsmRecordShape } from "./itsm-record.ts";
import type { FsNames } from "./names.ts";

/** Changes (planned work on IT services) [reference §7; enumerations from EFF and DOC samples]. */

export const CHANGE_STATUSES: Readonly<Record<number, string>> = {
  1: "Open",
  2: "Planning",
  3: "Awaiting Approval",
  4: "Pending Release",
  5: "Pending Review",
  6: "Closed",
};
export const CHANGE_RISKS: Readonly<Record<number, string>> = {
  1: "Low",
  2: "Medium",
  3: "High",
  4: "Very High",
};
export const CHANGE_TYPES: Readonly<Record<number, string>> = {
  1: "Minor",
  2: "Standard",
  3: "Major",
  4: "Emergency",
};

export const nameOf = (table: Readonly<Record<number, string>>, value: number | null | undefined) =>
  value === null || value === undefined ? undefined : table[value];

export const changeOutput = z.object({
  id: z.number(),
  subject: z.string(),
  status: z.number(),
  status_name: z.string().optional(),
  ...itsmRecordShape,
  risk: z.number().optional(),
  risk_name: z.string().optional(),
  change_type: z.number().optional(),
  change_type_name: z.string().optional(),
  planned_start_date: z.string().optional(),
  planned_end_date: z.string().optional(),
  description_text: z.string().optional(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type ChangeOutput = z.output<typeof changeOutput>;

export function toChangeOutput(change: FsChange, names: FsNames, maxBody: number): ChangeOutput {
  const text = maxBody > 0 ? bodyText(change.description_text, change.description) : "";
  return dropEmpty({
    id: change.id,
    subject: change.subject,
    status: change.status,
    status_name: nameOf(CHANGE_STATUSES, change.status),
    ...itsmRecordFields(change, names),
    risk: change.risk ?? undefined,
    risk_name: nameOf(CHANGE_RISKS, change.risk),
    change_type: change.change_type ?? undefined,
    change_type_name: nameOf(CHANGE_TYPES, change.change_type),
    planned_start_date: change.planned_start_date ?? undefined,
    planned_end_date: change.planned_end_date ?? undefined,
    description_text: text ? clip(text, maxBody, "get_change shows the whole description") : undefined,
    custom_fields: change.custom_fields ?? undefined,
    created_at: change.created_at ?? undefined,
    updated_at: change.updated_at ?? undefined,
  });
}

export function renderChangeLine(c: ChangeOutput): string {
  const parts = [
    `#${c.id} ${JSON.stringify(c.subject)}`,
    c.status_name ?? `status ${c.status}`,
    c.change_type_name ? `${c.change_type_name} change` : undefined,
    c.risk_name ? `risk ${c.risk_name}` : undefined,
    c.group_name ? `group ${c.group_name}` : undefined,
    c.planned_start_date ? `planned ${c.planned_start_date} → ${c.planned_end_date ?? "?"}` : undefined,
  ];
  return parts.filter(Boolean).join(" | ");
}

export function renderChange(c: ChangeOutput): string {
  const lines = [renderChangeLine(c)];
  if (c.priority_name || c.impact_name)
    lines.push(`Priority ${c.priority_name ?? "?"}, impact ${c.impact_name ?? "?"}`);
  if (c.agent_name) lines.push(`Agent: ${c.agent_name}`);
  if (c.department_name) lines.push(`Department: ${c.department_name}`);
  if (c.category)
    lines.push(`Category: ${[c.category, c.sub_category, c.item_category].filter(Boolean).join(" › ")}`);
  if (c.description_text) lines.push("", c.description_text);
  return lines.join("\n");
}
