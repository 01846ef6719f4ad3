import { z } from "zod";
import { BadRequestError } from "../errors.ts";
import type { ToolContext } from "./deps.ts";

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

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export type ToolSpec<I extends ObjectSchema, O extends ObjectSchema> = {
  name: string;
  title: string;
  /** Written as a prompt: what the tool is for, when to pick it, and an example call. */
  description: string;
  toolset: Toolset;
  annotations: ToolAnnotations;
  input: I;
  output: O;
  handler: (args: z.output<I>, context: ToolContext) => Promise<z.input<O>>;
  /** A short plain-text rendering of the (already size-capped) result for the model. */
  render: (result: z.output<O>) => string;
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
export type ToolDefinition<I extends ObjectSchema = ObjectSchema, O extends ObjectSchema = ObjectSchema> = {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly toolset: Toolset;
  readonly annotations: ToolAnnotations;
  readonly input: I;
  readonly output: O;
  readonly listing: ToolListing;
  parseArguments(raw: unknown): Record<string, unknown>;
  execute(args: Record<string, unknown>, context: ToolContext): Promise<Record<string, unknown>>;
  renderText(result: Record<string, unknown>): string;
};

/**
 * Added to every output schema: set when the result was cut to fit the size cap, saying what
 * was left out and how to get it.
 */
const noticeShape = {
  notice: z.string().optional().describe("Present when the result was shortened; says how to get the rest."),
};

export function defineTool<I extends ObjectSchema, O extends ObjectSchema>(
  spec: ToolSpec<I, O>,
): ToolDefinition<I, O> {
  const output = spec.output.extend(noticeShape);
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    toolset: spec.toolset,
    annotations: spec.annotations,
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
    parseArguments(raw) {
      const parsed = spec.input.safeParse(raw ?? {});
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "arguments"}: ${i.message}`);
        throw new BadRequestError(`Invalid arguments for ${spec.name}: ${problems.join("; ")}`, {
          details: { issues: problems },
        });
      }
      return parsed.data as Record<string, unknown>;
    },
    async execute(args, context) {
      const result = await spec.handler(args as z.output<I>, context);
      // Parsing our own result keeps the promise made by outputSchema: unknown keys are
      // dropped and a shape bug surfaces here as a logged error, not in the client.
      return output.parse(result) as Record<string, unknown>;
    },
    renderText(result) {
      return spec.render(result as z.output<O>);
    },
  };
}

function jsonSchemaOf(schema: ObjectSchema, io: "input" | "output"): { type: "object" } {
  // draft-7 because that is what the SDK client's default validator (Ajv) speaks.
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { target: "draft-7", io }) as Record<
    string,
    unknown
  >;
  return { ...json, type: "object" };
}
