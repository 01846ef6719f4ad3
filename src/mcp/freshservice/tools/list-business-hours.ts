import { z } from "zod";
import { READ, renderList } from "../../tool-kit.ts";
import { defineFreshserviceTool } from "../context.ts";
import { businessHoursOutput, renderBusinessHours, toBusinessHoursOutput } from "../shapes/sla.ts";

export const listBusinessHours = defineFreshserviceTool({
  name: "list_business_hours",
  title: "List business hours",
  description: [
    "List the business-hours calendars (working hours per weekday, time zone and holidays) that SLA timers and groups use.",
    "Use it to tell whether a ticket arrived outside working hours or when the next working day starts.",
    "Example: {}.",
  ].join(" "),
  toolset: "sla",
  annotations: READ,
  input: z.object({}),
  output: z.object({ items: z.array(businessHoursOutput) }),
  async handler(_args, context) {
    const calendars = await context.freshservice.businessHours.list();
    return { items: calendars.map(toBusinessHoursOutput) };
  },
  render: (r) => renderList(r.items, renderBusinessHours, { empty: "No business hours defined." }),
});
