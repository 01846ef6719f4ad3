import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { companyFields, companyOutput, renderCompanyLine, toCompanyOutput } from "../shapes/people.ts";
import { CREATE } from "../tool-kit.ts";

export const createCompany = defineTool({
  name: "create_company",
  title: "Create a company",
  description: [
    "Create a company (customer organisation). The name must be unique in the account.",
    "Use it before linking contacts to a new customer organisation.",
    'Example: {"name": "Example Ltd", "domains": ["example.com"], "account_tier": "Premium"}.',
  ].join(" "),
  toolset: "companies",
  annotations: CREATE,
  input: z.object({ name: z.string().min(1), ...companyFields }),
  output: companyOutput,
  handler: async (args, context) => toCompanyOutput(await context.freshdesk.companies.create(args)),
  render: (c) => `Created company ${renderCompanyLine(c)}`,
});
