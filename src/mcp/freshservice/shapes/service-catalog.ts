import { z } from "zod";
import type { FsRequestedItem, FsServiceCategory, FsServiceItem } from "../../../freshservice/index.ts";
import { clip, dropEmpty } from "../../output/clean.ts";
import { bodyText } from "../../output/html-to-text.ts";

/** The service catalog: what requesters can order, addressed by `display_id` [reference §3]. */

export const SERVICE_ITEM_VISIBILITY: Readonly<Record<number, string>> = { 1: "draft", 2: "published" };

export const serviceCategoryOutput = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().optional(),
  position: z.number().optional(),
});
export type ServiceCategoryOutput = z.output<typeof serviceCategoryOutput>;

export const toServiceCategoryOutput = (c: FsServiceCategory): ServiceCategoryOutput =>
  dropEmpty({
    id: c.id,
    name: c.name,
    description: c.description ?? undefined,
    position: c.position ?? undefined,
  });

const itemFieldOutput = z.object({
  name: z.string().describe("the key to use in place_service_request's custom_fields"),
  label: z.string().optional(),
  type: z.string().optional(),
  required: z.boolean().optional(),
  choices: z.array(z.string()).optional(),
});

export const serviceItemOutput = z.object({
  display_id: z.number().describe("the id to pass to get_service_item and place_service_request"),
  id: z.number().optional(),
  name: z.string(),
  short_description: z.string().optional(),
  description_text: z.string().optional(),
  category_id: z.number().optional(),
  category_name: z.string().optional(),
  cost: z.union([z.number(), z.string()]).optional(),
  delivery_time_hours: z.number().optional(),
  visibility: z.string().optional().describe("draft or published"),
  allow_quantity: z.boolean().optional(),
  fields: z
    .array(itemFieldOutput)
    .optional()
    .describe("the form a request for this item fills in (custom_fields of place_service_request)"),
  updated_at: z.string().optional(),
});
export type ServiceItemOutput = z.output<typeof serviceItemOutput>;

/** A choice in a service item's form arrives as a string, `{value}`, or `[label, value]` [inferred]. */
function choiceText(choice: unknown): string | undefined {
  if (typeof choice === "string" || typeof choice === "number") return String(choice);
  if (Array.isArray(choice)) return choiceText(choice.at(-1));
  if (choice && typeof choice === "object") {
    const { value, name } = choice as { value?: unknown; name?: unknown };
    return choiceText(value ?? name);
  }
  return undefined;
}

function toItemFields(fields: unknown): z.input<typeof itemFieldOutput>[] | undefined {
  if (!Array.isArray(fields)) return undefined;
  return fields.flatMap((field) => {
    if (!field || typeof field !== "object") return [];
    const f = field as Record<string, unknown>;
    if (typeof f.name !== "string") return [];
    const choices = Array.isArray(f.choices)
      ? f.choices.map(choiceText).filter((c): c is string => c !== undefined)
      : undefined;
    return [
      {
        name: f.name,
        label: typeof f.label === "string" ? f.label : undefined,
        type: typeof f.field_type === "string" ? f.field_type : undefined,
        required: typeof f.required === "boolean" ? f.required : undefined,
        choices,
      },
    ];
  });
}

export function toServiceItemOutput(
  item: FsServiceItem,
  options: { categoryName?: string | undefined; maxBody: number; withForm: boolean },
): ServiceItemOutput {
  const text = bodyText(undefined, item.description);
  return dropEmpty({
    display_id: item.display_id,
    id: item.id ?? undefined,
    name: item.name,
    short_description: item.short_description ?? undefined,
    description_text:
      text && options.maxBody > 0 ? clip(text, options.maxBody, "get_service_item shows it all") : undefined,
    category_id: item.category_id ?? undefined,
    category_name: options.categoryName,
    cost: item.cost ?? undefined,
    delivery_time_hours: item.delivery_time ?? undefined,
    visibility:
      item.visibility === null || item.visibility === undefined
        ? undefined
        : (SERVICE_ITEM_VISIBILITY[item.visibility] ?? String(item.visibility)),
    allow_quantity: item.allow_quantity ?? undefined,
    fields: options.withForm ? toItemFields(item.custom_fields) : undefined,
    updated_at: item.updated_at ?? undefined,
  });
}

export const renderServiceItemLine = (i: ServiceItemOutput) =>
  `#${i.display_id} ${JSON.stringify(i.name)}${i.category_name ? ` (${i.category_name})` : ""}${i.short_description ? ` — ${i.short_description}` : ""}`;

export function renderServiceItem(i: ServiceItemOutput): string {
  const lines = [renderServiceItemLine(i)];
  if (i.cost !== undefined) lines.push(`Cost: ${i.cost}`);
  if (i.delivery_time_hours !== undefined) lines.push(`Delivery: ${i.delivery_time_hours} h`);
  for (const f of i.fields ?? []) {
    lines.push(
      `Field ${f.name}${f.label ? ` (${f.label})` : ""}${f.required ? ", required" : ""}${f.choices?.length ? `: ${f.choices.join(" | ")}` : ""}`,
    );
  }
  if (i.description_text) lines.push("", i.description_text);
  return lines.join("\n");
}

/** A service request's line items [reference §3]. */
export const REQUESTED_ITEM_STAGES: Readonly<Record<number, string>> = {
  1: "Requested",
  2: "Delivered",
  3: "Cancelled",
  4: "Fulfilled",
  5: "Partially Fulfilled",
};

export const requestedItemOutput = z.object({
  id: z.number(),
  service_item_id: z.number().optional(),
  service_item_name: z.string().optional(),
  quantity: z.number().optional(),
  stage: z.number().optional(),
  stage_name: z.string().optional(),
  custom_fields: z.record(z.string(), z.unknown()).optional(),
});
export type RequestedItemOutput = z.output<typeof requestedItemOutput>;

export const toRequestedItemOutput = (item: FsRequestedItem): RequestedItemOutput =>
  dropEmpty({
    id: item.id,
    service_item_id: item.service_item_id ?? undefined,
    service_item_name: item.service_item_name ?? undefined,
    quantity: item.quantity ?? undefined,
    stage: item.stage ?? undefined,
    stage_name:
      item.stage === null || item.stage === undefined ? undefined : REQUESTED_ITEM_STAGES[item.stage],
    custom_fields: item.custom_fields ?? undefined,
  });
