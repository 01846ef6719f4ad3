import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { businessHoursOutput, toBusinessHoursOutput } from "../shapes/account.ts";
import { READ, renderList } from "../tool-kit.ts";

export const listBusinessHours = defineTool({
  name: "list_business_hours",
  title: "List business hours",
  description: [
    "List the business-hours calendars (working hours per weekday and time zone) that SLA timers and groups use.",
    "Use it to tell whether a ticket arrived outside working hours or when the next working day starts.",
    "Example: {}.",
  ].join(" "),
  toolset: "sla",
  annotations: READ,
  input: z.object({}),
  output: z.object({ items: z.array(businessHoursOutput) }),
  async handler(_args, context) {
    const result = await context.freshdesk.businessHours.list();
    return { items: result.items.map(toBusinessHoursOutput) };
  },
  render: (r) =>
    renderList(
      r.items,
      (b) =>
        `#${b.id} ${b.name}${b.is_default ? " (default)" : ""} ${b.time_zone ?? ""}: ${Object.entries(
          b.hours ?? {},
        )
          .map(([day, h]) => `${day} ${h}`)
          .join(", ")}`,
      { empty: "No business hours defined." },
    ),
});
