import { readFileSync } from "node:fs";
import { z } from "zod";
import { ConfigError } from "../errors.ts";
import { priorityMatrixSchema } from "./freshservice/priority-matrix.ts";
import { DEFAULT_TAXONOMY, type Taxonomy } from "./taxonomy.ts";

/**
 * `TRIAGE_CONFIG` points at a JSON file that overrides parts of the built-in taxonomy.
 * Every top-level key is optional. `categories` and `urgentSignals` replace the defaults as a
 * whole (a partial list would silently keep categories the operator meant to remove);
 * `thresholds` and `vip` are merged key by key. Unknown keys are rejected so typos surface.
 */

const threshold = z.number().min(0).max(1);

const categorySchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, "must be snake_case, 2-48 characters"),
  label: z.string().trim().min(1).max(80),
  description: z.string().trim().min(1).max(1000),
  keywords: z.array(z.string().trim().min(1).max(80)).max(100).default([]),
  group: z.string().trim().min(1).max(255),
  type: z.string().trim().min(1).max(255),
});

const overrideSchema = z.strictObject({
  categories: z.array(categorySchema).min(2).max(50).optional(),
  fallbackCategory: z.string().optional(),
  urgentSignals: z.array(z.string().trim().min(2).max(120)).max(500).optional(),
  vip: z
    .strictObject({
      companyIds: z.array(z.int().positive()).optional(),
      companyNames: z.array(z.string().trim().min(1)).optional(),
      customField: z
        .strictObject({
          name: z
            .string()
            .regex(
              /^[A-Za-z][A-Za-z0-9_]{0,63}$/,
              "must be a ticket custom field (cf_…) or a company field name such as account_tier",
            ),
          values: z.array(z.string().min(1)).min(1),
        })
        .optional(),
    })
    .optional(),
  thresholds: z
    .strictObject({
      priority: threshold.optional(),
      group: threshold.optional(),
      type: threshold.optional(),
      tags: threshold.optional(),
    })
    .optional(),
  agentPolicy: z.enum(["none", "round_robin"]).optional(),
  /** Freshservice only: the account's impact × urgency → priority table (priority-matrix.ts). */
  priorityMatrix: priorityMatrixSchema.optional(),
});

export type TriageConfigOverride = z.input<typeof overrideSchema>;

/** The built-in taxonomy, or the built-in one overridden by the JSON file at `path`. */
export function loadTriageConfig(path: string | undefined): Taxonomy {
  if (path === undefined) return DEFAULT_TAXONOMY;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new ConfigError([`TRIAGE_CONFIG: cannot read ${path} (${code})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`TRIAGE_CONFIG: ${path} is not valid JSON (${(error as Error).message})`]);
  }
  return parseTriageConfig(json, path);
}

/** Validates an override object and merges it over the defaults. `source` names it in errors. */
export function parseTriageConfig(input: unknown, source = "TRIAGE_CONFIG"): Taxonomy {
  const parsed = overrideSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `TRIAGE_CONFIG ${formatPath(issue.path)}: ${issue.message} (${source})`,
      ),
    );
  }
  const o = parsed.data;
  const taxonomy: Taxonomy = {
    categories: o.categories ?? DEFAULT_TAXONOMY.categories,
    fallbackCategory: o.fallbackCategory ?? DEFAULT_TAXONOMY.fallbackCategory,
    urgentSignals: o.urgentSignals ?? DEFAULT_TAXONOMY.urgentSignals,
    vip: {
      companyIds: o.vip?.companyIds ?? DEFAULT_TAXONOMY.vip.companyIds,
      companyNames: o.vip?.companyNames ?? DEFAULT_TAXONOMY.vip.companyNames,
      customField: o.vip?.customField ?? DEFAULT_TAXONOMY.vip.customField,
    },
    thresholds: { ...DEFAULT_TAXONOMY.thresholds, ...definedOnly(o.thresholds ?? {}) },
    agentPolicy: o.agentPolicy ?? DEFAULT_TAXONOMY.agentPolicy,
    ...(o.priorityMatrix ? { priorityMatrix: o.priorityMatrix } : {}),
  };
  const problems = consistencyProblems(taxonomy, source);
  if (problems.length > 0) throw new ConfigError(problems);
  return taxonomy;
}

function consistencyProblems(taxonomy: Taxonomy, source: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  taxonomy.categories.forEach((category, index) => {
    if (seen.has(category.name)) {
      problems.push(`TRIAGE_CONFIG categories[${index}].name: "${category.name}" appears twice (${source})`);
    }
    seen.add(category.name);
  });
  if (!seen.has(taxonomy.fallbackCategory)) {
    problems.push(
      `TRIAGE_CONFIG fallbackCategory: "${taxonomy.fallbackCategory}" is not one of the categories (${source})`,
    );
  }
  return problems;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
