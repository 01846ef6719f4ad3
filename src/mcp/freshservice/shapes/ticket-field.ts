import { z } from "zod";
import type { FsTicketFormField } from "../../../freshservice/index.ts";
import { dropEmpty } from "../../output/clean.ts";

type Choice = NonNullable<FsTicketFormField["choices"]>[number];

/** People pickers can hold thousands of choices; their own tools list them. */
const CHOICES_ELSEWHERE: Readonly<Record<string, string>> = {
  default_agent: "list_agents",
  default_requester: "list_requesters",
};

const choiceOutput = z.object({ id: z.union([z.number(), z.string()]).optional(), value: z.string() });

const categoryOutput = z.object({
  value: z.string(),
  sub_categories: z
    .array(z.object({ value: z.string(), item_categories: z.array(z.string()).optional() }))
    .optional(),
});

export const ticketFieldOutput = z.object({
  name: z
    .string()
    .describe("the key to use in create_ticket / update_ticket (custom fields under custom_fields)"),
  label: z.string().optional(),
  type: z
    .string()
    .optional()
    .describe("default_status, default_urgency, default_category, custom_dropdown, …"),
  required_for_agents: z.boolean().optional(),
  required_for_closure: z.boolean().optional(),
  choices: z.array(choiceOutput).optional().describe("allowed values with their ids"),
  category_tree: z
    .array(categoryOutput)
    .optional()
    .describe("category › sub_category › item_category: only these paths are valid"),
  choices_from: z.string().optional().describe("the tool that lists this field's choices"),
});
export type TicketFieldOutput = z.output<typeof ticketFieldOutput>;

const nested = (choice: Choice): Choice[] => (choice.nested_options ?? []) as Choice[];

export function toTicketFieldOutput(field: FsTicketFormField): TicketFieldOutput {
  const type = field.field_type ?? undefined;
  const choices = (field.choices ?? []) as Choice[];
  const elsewhere = type ? CHOICES_ELSEWHERE[type] : undefined;
  const isTree = type === "default_category" || choices.some((c) => nested(c).length > 0);
  return dropEmpty({
    name: field.name,
    label: field.label ?? undefined,
    type,
    required_for_agents: field.required_for_agents ?? undefined,
    required_for_closure: field.required_for_closure ?? undefined,
    choices:
      elsewhere || isTree
        ? undefined
        : choices.map((c) => ({ id: c.id ?? undefined, value: String(c.value) })),
    category_tree: isTree
      ? choices.map((level1) => ({
          value: String(level1.value),
          sub_categories: nested(level1).map((level2) => ({
            value: String(level2.value),
            item_categories: nested(level2).map((level3) => String(level3.value)),
          })),
        }))
      : undefined,
    choices_from: elsewhere,
  });
}

export function renderTicketField(f: TicketFieldOutput): string {
  const head = `${f.name} (${f.type ?? "field"})${f.label && f.label !== f.name ? ` "${f.label}"` : ""}${f.required_for_agents ? " required" : ""}`;
  if (f.category_tree) {
    const paths = f.category_tree.flatMap((c) =>
      c.sub_categories?.length
        ? c.sub_categories.flatMap((s) =>
            s.item_categories?.length
              ? s.item_categories.map((i) => `${c.value} › ${s.value} › ${i}`)
              : [`${c.value} › ${s.value}`],
          )
        : [c.value],
    );
    return `${head}:\n  ${paths.join("\n  ")}`;
  }
  if (f.choices)
    return `${head}: ${f.choices.map((c) => (c.id !== undefined ? `${c.id} ${c.value}` : c.value)).join(", ")}`;
  if (f.choices_from) return `${head}: see ${f.choices_from}`;
  return head;
}
