import { z } from "zod";
import { BadRequestError } from "../../errors.ts";
import { defineTool } from "../define-tool.ts";
import { companyFields, companyOutput, renderCompanyLine, toCompanyOutput } from "../shapes/people.ts";
import { id, OVERWRITE } from "../tool-kit.ts";

export const updateCompany = defineTool({
  name: "update_company",
  title: "Update a company",
  description: [
    "Change a company's details; only the fields you pass change (domains replaces the whole list).",
    'Example: {"company_id": 12, "account_tier": "Enterprise", "note": "Renewal negotiation in progress."}.',
  ].join(" "),
  toolset: "companies",
  annotations: OVERWRITE,
  input: z.object({
    company_id: id("the company's id"),
    name: z.string().min(1).optional(),
    ...companyFields,
  }),
  output: companyOutput,
  async handler({ company_id, ...changes }, context) {
    const fields = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (Object.keys(fields).length === 0)
      throw new BadRequestError("update_company needs at least one field to change.");
    return toCompanyOutput(await context.freshdesk.companies.update(company_id, fields));
  },
  render: (c) => `Updated company ${renderCompanyLine(c)}`,
});
