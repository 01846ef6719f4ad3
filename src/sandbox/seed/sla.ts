import type { SeedClock } from "./clock.ts";
import { AGENT, BUSINESS_HOURS_ID, SLA_POLICY_ID } from "./ids.ts";
import type { FdBusinessHours, FdSlaPolicy, FdSlaTarget } from "./types.ts";

const HOUR = 3600;

/**
 * Respond/resolve targets in seconds, keyed by priority. They run on calendar time
 * (`business_hours: false`), so a ticket's `fr_due_by`/`due_by` is simply `created_at` plus
 * the target; the seed tickets are built that way.
 */
export const SLA_TARGETS: Record<1 | 2 | 3 | 4, { respondWithin: number; resolveWithin: number }> = {
  1: { respondWithin: 24 * HOUR, resolveWithin: 72 * HOUR },
  2: { respondWithin: 8 * HOUR, resolveWithin: 24 * HOUR },
  3: { respondWithin: 4 * HOUR, resolveWithin: 8 * HOUR },
  4: { respondWithin: 1 * HOUR, resolveWithin: 4 * HOUR },
};

function target(priority: 1 | 2 | 3 | 4): FdSlaTarget {
  return {
    respond_within: SLA_TARGETS[priority].respondWithin,
    resolve_within: SLA_TARGETS[priority].resolveWithin,
    business_hours: false,
    escalation_enabled: true,
  };
}

export function buildSlaPolicies(clock: SeedClock): FdSlaPolicy[] {
  return [
    {
      id: SLA_POLICY_ID,
      name: "Default SLA Policy",
      description: "Default policy for every ticket that no other policy applies to.",
      active: true,
      sla_target: {
        priority_1: target(1),
        priority_2: target(2),
        priority_3: target(3),
        priority_4: target(4),
      },
      applicable_to: {},
      is_default: true,
      position: 1,
      created_at: clock.ago({ days: 410 }),
      updated_at: clock.ago({ days: 88 }),
      escalation: {
        response: { escalation_time: 0, agent_ids: [AGENT.mayaChen] },
        resolution: { level_1: { escalation_time: 0, agent_ids: [AGENT.mayaChen] } },
      },
    },
  ];
}

const WORKDAY = { start_time: "08:00 am", end_time: "06:00 pm" };

export function buildBusinessHours(clock: SeedClock): FdBusinessHours[] {
  return [
    {
      id: BUSINESS_HOURS_ID,
      name: "Default",
      description: "Support desk hours, Monday to Friday",
      business_hours: {
        monday: { ...WORKDAY },
        tuesday: { ...WORKDAY },
        wednesday: { ...WORKDAY },
        thursday: { ...WORKDAY },
        friday: { ...WORKDAY },
      },
      time_zone: "Eastern Time (US & Canada)",
      created_at: clock.ago({ days: 410 }),
      updated_at: clock.ago({ days: 88 }),
      is_default: true,
      holiday_list: [
        { name: "New Year's Day", date: "Jan 01" },
        { name: "Independence Day", date: "Jul 04" },
        { name: "Thanksgiving", date: "Nov 27" },
        { name: "Christmas Day", date: "Dec 25" },
      ],
    },
  ];
}
