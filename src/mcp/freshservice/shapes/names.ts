import type { FreshserviceDirectory } from "../../../freshservice/account-directory.ts";
import type { Logger } from "../../../logger.ts";
import { FS_LEVELS, FS_PRIORITIES, FS_SOURCES, FS_STATUSES } from "./enums.ts";

type Lookup = (id: number | null | undefined) => string | undefined;

/**
 * Synchronous name lookups for one Freshservice tool call, from the cached account directory:
 * `status_name`, `urgency_name`, `group_name`, `department_name` and so on beside the ids.
 * Names are a convenience: when the directory cannot be read the result still goes out with
 * Freshservice's default names for the fixed scales and without group, agent or department names.
 */
export type FsNames = {
  status: Lookup;
  priority: Lookup;
  urgency: Lookup;
  impact: Lookup;
  source: Lookup;
  group: Lookup;
  agent: Lookup;
  department: Lookup;
};

/** The form field whose `{id, value}` choices name each scale (reference §3). */
const CHOICE_FIELDS = {
  status: "default_status",
  priority: "default_priority",
  urgency: "default_urgency",
  impact: "default_impact",
  source: "default_source",
} as const;

const fromRecord = (record: Readonly<Record<number, string>>) =>
  new Map(Object.entries(record).map(([id, name]) => [Number(id), name]));

export async function loadFsNames(directory: FreshserviceDirectory, logger: Logger): Promise<FsNames> {
  const scales = {
    status: fromRecord(FS_STATUSES),
    priority: fromRecord(FS_PRIORITIES),
    urgency: fromRecord(FS_LEVELS),
    impact: fromRecord(FS_LEVELS),
    source: fromRecord(FS_SOURCES),
  };
  const [fields, groups, agents, departments] = await Promise.allSettled([
    directory.ticketFields(),
    directory.groups(),
    directory.agents(),
    directory.departments(),
  ]);
  if (fields.status === "fulfilled") {
    for (const [scale, fieldType] of Object.entries(CHOICE_FIELDS) as [keyof typeof scales, string][]) {
      const field = fields.value.find((f) => f.field_type === fieldType);
      for (const choice of (field?.choices ?? []) as { id?: unknown; value?: unknown }[]) {
        if (typeof choice.id === "number" && typeof choice.value === "string") {
          scales[scale].set(choice.id, choice.value);
        }
      }
    }
  }
  const byId = (result: PromiseSettledResult<readonly { id: number; name: string }[]>) =>
    new Map(result.status === "fulfilled" ? result.value.map((x) => [x.id, x.name]) : []);
  const failed = [fields, groups, agents, departments].find((r) => r.status === "rejected");
  if (failed) logger.warn({ err: failed.reason }, "account directory unavailable; results carry fewer names");

  const lookup =
    (map: Map<number, string>): Lookup =>
    (id) =>
      id === null || id === undefined ? undefined : map.get(id);
  return {
    status: lookup(scales.status),
    priority: lookup(scales.priority),
    urgency: lookup(scales.urgency),
    impact: lookup(scales.impact),
    source: lookup(scales.source),
    group: lookup(byId(groups)),
    agent: lookup(byId(agents)),
    department: lookup(byId(departments)),
  };
}
