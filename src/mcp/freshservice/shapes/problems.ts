import { z } from "zod";
import type { FsProblem } from "../../../freshservice/index.ts";
import { clip, dropEmpty } from "../../output/clean.ts";
import { bodyText } from "../../output/html-to-text.ts";
import { nameOf } from "./changes.ts";
import { itsmRecordFields, itsmRecordShape } from "./itsm-record.ts";
import type { FsNames } from "./names.ts";

/** Problems: the cause behind one or more incidents [reference §7]. */

export const PROBLEM_STATUSES: Readonly<Record<number, string>> = {
  1: "Open",
  2: "Change Requested",
  3: "Closed",
};

export const problemOutput = z.object({
  id: z.number(),
  subject: z.string(),
  status: z.number(),
  status_name: z.string().optional(),
  ...itsmRecordShape,
  known_error: z.boolean().optional().describe("the cause is known and a workaround exists"),
  due_by: z.string().optional(),
  description_text: z.string().optional(),
  analysis: z
    .record(z.string(), z.string())
    .optional()
    .describe("root cause, impact, symptoms, … as plain text"),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});
export type ProblemOutput = z.output<typeof problemOutput>;

export function toProblemOutput(problem: FsProblem, names: FsNames, maxBody: number): ProblemOutput {
  const text = maxBody > 0 ? bodyText(problem.description_text, problem.description) : "";
  const analysis =
    maxBody > 0 && problem.analysis_fields
      ? Object.fromEntries(
          Object.entries(problem.analysis_fields).map(([key, field]) => [
            key,
            clip(bodyText(field?.description_text, field?.description), maxBody),
          ]),
        )
      : undefined;
  return dropEmpty({
    id: problem.id,
    subject: problem.subject,
    status: problem.status,
    status_name: nameOf(PROBLEM_STATUSES, problem.status),
    ...itsmRecordFields(problem, names),
    known_error: problem.known_error ?? undefined,
    due_by: problem.due_by ?? undefined,
    description_text: text ? clip(text, maxBody, "get_problem shows the whole description") : undefined,
    analysis,
    created_at: problem.created_at ?? undefined,
    updated_at: problem.updated_at ?? undefined,
  });
}

export function renderProblemLine(p: ProblemOutput): string {
  const parts = [
    `#${p.id} ${JSON.stringify(p.subject)}`,
    p.status_name ?? `status ${p.status}`,
    p.priority_name ? `priority ${p.priority_name}` : undefined,
    p.known_error ? "known error" : undefined,
    p.group_name ? `group ${p.group_name}` : undefined,
    p.due_by ? `due ${p.due_by}` : undefined,
  ];
  return parts.filter(Boolean).join(" | ");
}

export function renderProblem(p: ProblemOutput): string {
  const lines = [renderProblemLine(p)];
  if (p.agent_name) lines.push(`Agent: ${p.agent_name}`);
  if (p.department_name) lines.push(`Department: ${p.department_name}`);
  if (p.category)
    lines.push(`Category: ${[p.category, p.sub_category, p.item_category].filter(Boolean).join(" › ")}`);
  if (p.description_text) lines.push("", p.description_text);
  for (const [key, value] of Object.entries(p.analysis ?? {})) lines.push("", `${key}: ${value}`);
  return lines.join("\n");
}
