import { z } from "zod";
import { READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { departmentOutput, renderDepartmentLine, toDepartmentOutput } from "../shapes/account.ts";

export const listDepartments = defineFreshserviceTool({
  name: "list_departments",
  title: "List departments",
  description: [
    "List the organisation's departments (Finance, Sales, Engineering, HR, …) with heads, prime contacts and email domains.",
    "Use it to name a requester's department or to set department_id on a ticket; name narrows the list to departments whose name contains it.",
    'Example: {} or {"name": "fin"}.',
  ].join(" "),
  toolset: "departments",
  annotations: READ,
  input: z.object({
    name: z.string().min(1).max(100).optional().describe("part of the department's name, any case"),
  }),
  output: z.object({ items: z.array(departmentOutput) }),
  async handler(args, context) {
    const needle = args.name?.toLowerCase();
    const departments = await context.directory.departments();
    return {
      items: departments
        .filter((d) => needle === undefined || d.name.toLowerCase().includes(needle))
        .map(toDepartmentOutput),
    };
  },
  render: (r) => renderList(r.items, renderDepartmentLine, { empty: "No departments match." }),
});
