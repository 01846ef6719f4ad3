import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { READ } from "../tool-kit.ts";

const fieldOutput = z.object({
  name: z
    .string()
    .describe("key in a ticket's custom_fields for custom fields (cf_...), else the default field name"),
  label: z.string(),
  type: z.string(),
  required_for_agents: z.boolean().optional(),
  required_for_closure: z.boolean().optional(),
  choices: z.array(z.string()).optional().describe("allowed values (for status and priority: 'id: name')"),
});

function choicesOf(choices: unknown): string[] | undefined {
  if (Array.isArray(choices)) return choices.filter((c): c is string => typeof c === "string");
  if (!choices || typeof choices !== "object") return undefined;
  return Object.entries(choices as Record<string, unknown>).map(([key, value]) => {
    if (typeof value === "number") return `${value}: ${key}`;
    if (Array.isArray(value) && typeof value[0] === "string") return `${key}: ${value[0]}`;
    return key;
  });
}

export const listTicketFields = defineTool({
  name: "list_ticket_fields",
  title: "List ticket fields",
  description: [
    "List the account's ticket fields (default and custom) with their labels, types, whether they are required, and their allowed values.",
    "Use it before setting custom_fields or type on a ticket, or to learn which values a dropdown accepts.",
    'Example: {} or {"type": "custom_dropdown"}.',
  ].join(" "),
  toolset: "tickets",
  annotations: READ,
  input: z.object({
    type: z.string().optional().describe("only fields of this type, e.g. custom_dropdown or default_status"),
  }),
  output: z.object({ fields: z.array(fieldOutput) }),
  async handler(args, context) {
    const fields = await context.directory.ticketFields();
    return {
      fields: fields
        .filter((f) => !args.type || f.type === args.type)
        .map((f) => ({
          name: f.name,
          label: f.label ?? f.name,
          type: f.type,
          required_for_agents: f.required_for_agents || undefined,
          required_for_closure: f.required_for_closure || undefined,
          choices: choicesOf(f.choices),
        })),
    };
  },
  render: (r) =>
    r.fields
      .map(
        (f) =>
          `${f.name} (${f.type}) "${f.label}"${f.choices ? `: ${f.choices.slice(0, 30).join(", ")}` : ""}`,
      )
      .join("\n") || "No ticket fields.",
});
