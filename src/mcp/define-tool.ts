import { z } from "zod";
import type { Scope } from "../config.ts";
import { BadRequestError } from "../errors.ts";
import type { SharedToolContext, ToolContext } from "./deps.ts";
import { fitToBudget } from "./output/budget.ts";
import type { Position } from "./output/cursor.ts";

/** Groups of tools; a policy may allow only some of them. */
export const TOOLSETS = [
  "tickets",
  "conversations",
  "contacts",
  "companies",
  "agents",
  "groups",
  "solutions",
  "canned_responses",
  "sla",
  "triage",
  // Freshservice's own kinds of record.
  "requesters",
  "departments",
  "service_catalog",
  "assets",
  "changes",
  "problems",
] as const;
export type Toolset = (typeof TOOLSETS)[number];

/**
 * Every tool states all four hints explicitly, so clients never fall back to the protocol's
 * pessimistic defaults and the registry meta-test can check them for consistency.
 */
export type ToolAnnotations = {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
};

export type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * Where a paged tool's result starts. A paged tool is one with a `cursor` argument; its handler
 * receives the query (from the cursor when one was passed, checked against the input schema
 * like any arguments), fetches Freshdesk page `page` and returns all of that page as `items`,
 * with `next_cursor: paging.next(nextPage)`. defineTool skips the `offset` items that earlier
 * results already returned, and when the page does not fit the size cap it returns fewer items
 * with a cursor that resumes at the first one left out, so every item stays reachable.
 */
export type Paging = Position & {
  /** The cursor for the start of Freshdesk page `page` of this query; undefined for none. */
  next(page: number | undefined): string | undefined;
};

/**
 * `C` is what the handler receives: the Freshdesk tools' ToolContext by default, another
 * product's context (the shared fields plus its client) for its tools.
 */
export type ToolSpec<
  I extends ObjectSchema,
  O extends ObjectSchema,
  C extends SharedToolContext = ToolContext,
> = {
  name: string;
  title: string;
  /** Written as a prompt: what the tool is for, when to pick it, and an example call. */
  description: string;
  toolset: Toolset;
  annotations: ToolAnnotations;
  /**
   * The token scope the tool needs; by default `read` for read-only tools and `write` for the
   * rest. Only tools that delete need `admin` (overwriting is a write, though destructive).
   */
  scope?: Scope;
  input: I;
  output: O;
  handler: (args: z.output<I>, context: C, paging: Paging) => Promise<z.input<O>>;
  /** A short plain-text rendering of the (already size-capped) result for the model. */
  render: (result: z.output<O>) => string;
  /**
   * `json`: the text content is the result's JSON alone, without the rendering; for tools whose
   * callers parse it (ChatGPT's `search` and `fetch`).
   */
  content?: "rendered" | "json";
};

/** The JSON shape advertised in tools/list. */
export type ToolListing = {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: "object"; [key: string]: unknown };
  outputSchema: { type: "object"; [key: string]: unknown };
  annotations: ToolAnnotations & { title: string };
};

/**
 * A tool as the dispatcher sees it: arguments arrive as `unknown` and are parsed by the tool's
 * own schema, so the rest of the server needs no per-tool types.
 */
export type ToolDefinition<
  I extends ObjectSchema = ObjectSchema,
  O extends ObjectSchema = ObjectSchema,
  C extends SharedToolContext = ToolContext,
> = {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly toolset: Toolset;
  readonly annotations: ToolAnnotations;
  readonly scope: Scope;
  /** Has a `cursor` argument and pages its `items` (see Paging). */
  readonly paged: boolean;
  readonly input: I;
  readonly output: O;
  readonly listing: ToolListing;
  /** What the text content holds: the rendering and the JSON, or the JSON alone. */
  readonly content: "rendered" | "json";
  parseArguments(raw: unknown): Record<string, unknown>;
  /** Runs the handler; the result is checked against the output schema and fitted to the size cap. */
  execute(args: Record<string, unknown>, context: C): Promise<Record<string, unknown>>;
  renderText(result: Record<string, unknown>): string;
};

/** Any product's tool, for code that only reads its name, toolset, scope and listing. */
export type AnyToolDefinition = ToolDefinition<ObjectSchema, ObjectSchema, never>;

/**
 * Added to every output schema: set when the result was cut to fit the size cap, saying what
 * was left out and how to get it.
 */
const noticeShape = {
  notice: z.string().optional().describe("Present when the result was shortened; says how to get the rest."),
};

export function defineTool<
  I extends ObjectSchema,
  O extends ObjectSchema,
  C extends SharedToolContext = ToolContext,
>(spec: ToolSpec<I, O, C>): ToolDefinition<I, O, C> {
  const output = spec.output.extend(noticeShape);
  const paged = "cursor" in spec.input.shape;
  if (paged && !("items" in spec.output.shape && "next_cursor" in spec.output.shape)) {
    throw new Error(`${spec.name} takes a cursor, so its output needs items and next_cursor`);
  }
  const parse = (raw: unknown, what: string) => {
    const parsed = spec.input.safeParse(raw ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "arguments"}: ${i.message}`);
      throw new BadRequestError(`Invalid ${what} for ${spec.name}: ${problems.join("; ")}`, {
        details: { issues: problems },
      });
    }
    return parsed.data as Record<string, unknown>;
  };

  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    toolset: spec.toolset,
    annotations: spec.annotations,
    scope: spec.scope ?? (spec.annotations.readOnlyHint ? "read" : "write"),
    paged,
    input: spec.input,
    output: spec.output,
    listing: {
      name: spec.name,
      title: spec.title,
      description: spec.description,
      inputSchema: jsonSchemaOf(spec.input, "input"),
      outputSchema: jsonSchemaOf(output, "output"),
      annotations: { title: spec.title, ...spec.annotations },
    },
    content: spec.content ?? "rendered",
    parseArguments(raw) {
      return parse(raw, "arguments");
    },
    async execute(args, context) {
      const maxChars = context.limits.maxResultChars;
      if (!paged) {
        const result = await spec.handler(args as z.output<I>, context, FIRST_PAGE);
        return withNotice(fitToBudget(checkOutput(result), maxChars));
      }
      const { query, position } = resolveQuery(args, context);
      const cursorAt = (at: Position) => context.cursors.encode(spec.name, at, query);
      const paging: Paging = {
        ...position,
        next: (page) => (page === undefined ? undefined : cursorAt({ page, offset: 0 })),
      };
      const result = checkOutput(await spec.handler(query as z.output<I>, context, paging));
      const items = (result.items as unknown[]).slice(position.offset);
      const fitted = fitToBudget({ ...result, items }, maxChars, (kept) =>
        cursorAt({ page: position.page, offset: position.offset + kept }),
      );
      return withNotice(fitted);
    },
    renderText(result) {
      return spec.render(result as z.output<O>);
    },
  };

  // Parsing our own result keeps the promise made by outputSchema: unknown keys are dropped
  // and a shape bug surfaces here as a logged error, not in the client.
  function checkOutput(result: unknown): Record<string, unknown> {
    return output.parse(result) as Record<string, unknown>;
  }

  /**
   * The query and start of a paged call: from the cursor when one is given (arguments passed
   * beside it must agree with it), else page 1 of these arguments. A cursor's arguments are
   * parsed by the input schema again, as if the caller had passed them.
   */
  function resolveQuery(
    args: Record<string, unknown>,
    context: SharedToolContext,
  ): { query: Record<string, unknown>; position: Position } {
    const { cursor, ...given } = args;
    if (typeof cursor !== "string") return { query: given, position: { page: 1, offset: 0 } };
    const decoded = context.cursors.decode(spec.name, cursor);
    for (const [key, value] of Object.entries(given)) {
      if (value !== undefined && JSON.stringify(value) !== JSON.stringify(decoded.args[key])) {
        throw new BadRequestError(
          `"${key}" differs from the query the cursor belongs to; when passing a cursor, leave the other arguments out.`,
        );
      }
    }
    const { cursor: _nested, ...query } = parse(decoded.args, "cursor contents");
    return { query, position: decoded.position };
  }
}

/** What a tool without a cursor argument receives as its paging: the first page, no cursors. */
const FIRST_PAGE: Paging = { page: 1, offset: 0, next: () => undefined };

function withNotice({ data, notice }: { data: Record<string, unknown>; notice: string | undefined }) {
  return notice ? { ...data, notice } : data;
}

function jsonSchemaOf(schema: ObjectSchema, io: "input" | "output"): { type: "object" } {
  // draft-7 because that is what the SDK client's default validator (Ajv) speaks.
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: "draft-7", io }) as Record<
    string,
    unknown
  >;
  return { ...json, type: "object" };
}
