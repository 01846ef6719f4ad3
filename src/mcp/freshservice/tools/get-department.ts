import { z } from "zod";
import { id, READ } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { departmentOutput, renderDepartmentLine, toDepartmentOutput } from "../shapes/account.ts";

export const getDepartment = defineFreshserviceTool({
  name: "get_department",
  title: "Get a department",
  description: [
    "Get one department with its description, head, prime contact, email domains and custom fields.",
    "Use it to learn about the department a ticket or requester belongs to (department_id).",
    'Example: {"department_id": 4}.',
  ].join(" "),
  toolset: "departments",
  annotations: READ,
  input: z.object({ department_id: id("the department's id") }),
  output: departmentOutput,
  async handler(args, context) {
    return toDepartmentOutput(await context.freshservice.departments.get(args.department_id));
  },
  render: renderDepartmentLine,
});
