import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { DESTRUCTIVE, id } from "../tool-kit.ts";

export const deleteCompany = defineTool({
  name: "delete_company",
  title: "Delete a company",
  description: [
    "Delete a company for good; its contacts and tickets stay but lose the link to it. Freshdesk has no trash for companies, so this cannot be undone.",
    "Use it only when a person asked for it, e.g. for a duplicate or a test company. Needs the admin scope.",
    'Example: {"company_id": 43000871205}.',
  ].join(" "),
  toolset: "companies",
  annotations: DESTRUCTIVE,
  scope: "admin",
  input: z.object({ company_id: id("from list_companies or search_companies") }),
  output: z.object({ company_id: z.number(), deleted: z.boolean() }),
  async handler({ company_id }, context) {
    await context.freshdesk.companies.delete(company_id);
    return { company_id, deleted: true };
  },
  render: (r) => `Company ${r.company_id} deleted.`,
});
