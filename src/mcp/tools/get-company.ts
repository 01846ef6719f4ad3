import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { companyOutput, renderCompanyLine, toCompanyOutput } from "../shapes/people.ts";
import { id, READ } from "../tool-kit.ts";

export const getCompany = defineTool({
  name: "get_company",
  title: "Get a company",
  description: [
    "Get one company (customer organisation): name, domains, description, notes, account tier, health score, renewal date and custom fields.",
    "Use it to judge a ticket's business context, e.g. whether the requester's company is a key account.",
    'Example: {"company_id": 12}.',
  ].join(" "),
  toolset: "companies",
  annotations: READ,
  input: z.object({ company_id: id("the company's id") }),
  output: companyOutput,
  handler: async (args, context) => toCompanyOutput(await context.freshdesk.companies.get(args.company_id)),
  render: renderCompanyLine,
});
