import { z } from "zod";

/**
 * The account's own ticket form (`GET /ticket_form_fields`, reference §3): what values triage
 * may write. Category › sub-category › item is one three-level dependent field whose choices
 * nest under `nested_options`; urgency, impact, priority, type, group and department list their
 * choices as `{id, value}` objects. Triage never writes a value the form does not offer.
 */

export type Choice = { id: number | string; value: string };
export type CategoryNode = { value: string; children: CategoryNode[] };

export type TicketForm = {
  /** The category tree; empty when the account has no category field. */
  categories: CategoryNode[];
  /** Ids 1–3 with their names, as the account labels them. */
  urgency: Choice[];
  impact: Choice[];
  priority: Choice[];
  /** `default_ticket_type` choices ("Incident", "Service Request", …). */
  types: string[];
};

export type CategoryPath = {
  category: string;
  subCategory?: string | undefined;
  itemCategory?: string | undefined;
};

type RawOption = { value?: unknown; nested_options?: unknown };
const optionSchema: z.ZodType<RawOption> = z.looseObject({
  value: z.unknown().optional(),
  nested_options: z.unknown().optional(),
});
const fieldSchema = z.looseObject({
  name: z.string().optional(),
  field_type: z.string().optional(),
  choices: z.array(z.unknown()).nullable().optional(),
});

/** Reads the wire-shaped field list; fields it does not know are ignored. */
export function parseTicketForm(fields: readonly unknown[]): TicketForm {
  const form: TicketForm = { categories: [], urgency: [], impact: [], priority: [], types: [] };
  for (const raw of fields) {
    const parsed = fieldSchema.safeParse(raw);
    if (!parsed.success) continue;
    const field = parsed.data;
    const kind = field.field_type ?? `default_${field.name ?? ""}`;
    const choices = field.choices ?? [];
    if (kind === "default_category" || field.name === "category") form.categories = categoryNodes(choices);
    else if (kind === "default_urgency") form.urgency = idChoices(choices);
    else if (kind === "default_impact") form.impact = idChoices(choices);
    else if (kind === "default_priority") form.priority = idChoices(choices);
    else if (kind === "default_ticket_type") form.types = idChoices(choices).map((c) => c.value);
  }
  return form;
}

function categoryNodes(options: readonly unknown[], depth = 1): CategoryNode[] {
  if (depth > 3) return [];
  const nodes: CategoryNode[] = [];
  for (const raw of options) {
    const parsed = optionSchema.safeParse(raw);
    // A choice may also be a bare string in older accounts' samples.
    const value = typeof raw === "string" ? raw : parsed.success ? parsed.data.value : undefined;
    if (typeof value !== "string" || value.trim() === "") continue;
    const nested =
      parsed.success && Array.isArray(parsed.data.nested_options) ? parsed.data.nested_options : [];
    nodes.push({ value, children: categoryNodes(nested, depth + 1) });
  }
  return nodes;
}

function idChoices(choices: readonly unknown[]): Choice[] {
  const out: Choice[] = [];
  for (const raw of choices) {
    if (raw === null || typeof raw !== "object") continue;
    const { id, value } = raw as { id?: unknown; value?: unknown };
    if ((typeof id === "number" || typeof id === "string") && typeof value === "string")
      out.push({ id, value });
  }
  return out;
}

/**
 * The longest prefix of `wanted` that is a path in the account's tree, in the tree's own
 * spelling (matching ignores case and surrounding spaces). A sub-category without its category,
 * or an item without its sub-category, is never returned.
 */
export function validCategoryPath(
  tree: readonly CategoryNode[],
  wanted: {
    category?: string | null | undefined;
    subCategory?: string | null | undefined;
    itemCategory?: string | null | undefined;
  },
): CategoryPath | undefined {
  const category = findNode(tree, wanted.category);
  if (!category) return undefined;
  const sub = findNode(category.children, wanted.subCategory);
  if (!sub) return { category: category.value };
  const item = findNode(sub.children, wanted.itemCategory);
  return { category: category.value, subCategory: sub.value, itemCategory: item?.value };
}

/** Whether the path is in the tree exactly as given (every level named exists under its parent). */
export function isValidCategoryPath(tree: readonly CategoryNode[], path: CategoryPath): boolean {
  const found = validCategoryPath(tree, path);
  return (
    found !== undefined &&
    same(found.subCategory, path.subCategory) &&
    same(found.itemCategory, path.itemCategory)
  );
}

function same(a: string | undefined, b: string | undefined): boolean {
  return (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();
}

export function formatCategoryPath(path: Partial<CategoryPath> | undefined): string {
  if (!path?.category) return "none";
  return [path.category, path.subCategory, path.itemCategory].filter(Boolean).join(" › ");
}

function findNode(
  nodes: readonly CategoryNode[],
  value: string | null | undefined,
): CategoryNode | undefined {
  if (typeof value !== "string") return undefined;
  const wanted = value.trim().toLowerCase();
  if (!wanted) return undefined;
  return nodes.find((n) => n.value.trim().toLowerCase() === wanted);
}

/** The name the account gives a 1–3 (urgency, impact) or 1–4 (priority) value. */
export function choiceName(choices: readonly Choice[], id: number, fallback: string): string {
  return choices.find((c) => Number(c.id) === id)?.value ?? fallback;
}

/**
 * A zero-shot guess for an account with no history to learn from: the path whose names the
 * ticket uses ("Wi-Fi" → Network › Wi-Fi). Each level the text names counts; the path naming the
 * most levels wins, a tie between different paths guesses nothing. Never measured, so it is only
 * ever a suggestion (unless the operator applies unmeasured values).
 */
export function guessCategoryPath(tree: readonly CategoryNode[], text: string): CategoryPath | undefined {
  const words = ` ${wordsOf(text).join(" ")} `;
  const names = (node: CategoryNode) => {
    const w = wordsOf(node.value).filter((x) => x.length >= 2 && !GENERIC.has(x));
    return w.length > 0 && words.includes(` ${w.join(" ")} `);
  };
  let best: { path: CategoryPath; score: number } | undefined;
  let tied = false;
  const visit = (node: CategoryNode, trail: string[], score: number) => {
    const here = score + (names(node) ? 1 : 0);
    const path = [...trail, node.value];
    if (here > 0 && names(node)) {
      const candidate = { category: path[0]!, subCategory: path[1], itemCategory: path[2] };
      if (!best || here > best.score) {
        best = { path: candidate, score: here };
        tied = false;
      } else if (here === best.score) tied = true;
    }
    for (const child of node.children) visit(child, path, here);
  };
  for (const node of tree) visit(node, [], 0);
  return best && !tied ? best.path : undefined;
}

/** Words too common in category names to say anything on their own. */
const GENERIC = new Set(["other", "others", "general", "misc", "and", "the", "of", "for", "new"]);

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
