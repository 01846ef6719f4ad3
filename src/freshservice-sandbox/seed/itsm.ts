// Changes, problems, SLA policies and business hours of the seeded account (§7).
import type { SeedClock } from "../../sandbox/seed/clock.ts";
import { htmlToText, paragraphsToHtml } from "../../sandbox/seed/html.ts";
import { BUSINESS_HOURS_ID, SLA_BASE, WORKSPACE_ID } from "./ids.ts";
import { agentIdByName, departmentId, groupId } from "./org.ts";
import type { FsBusinessHours, FsChange, FsProblem, FsSlaPolicy } from "./types.ts";

const CHANGE_BASE = 1;
const PROBLEM_BASE = 1;

export function buildChanges(clock: SeedClock, requesterId: (index: number) => number): FsChange[] {
  const rows: [
    string,
    string,
    FsChange["status"],
    FsChange["risk"],
    FsChange["change_type"],
    string,
    number,
    [string, string, string],
  ][] = [
    [
      "Upgrade VPN gateways to GlobalProtect 6.2",
      "Firmware upgrade of both VPN gateways in the maintenance window; fixes split-DNS on the new gateway.",
      2,
      3,
      3,
      "Grace",
      5,
      ["Network", "VPN", "GlobalProtect"],
    ],
    [
      "Replace floor 3 Wi-Fi access points",
      "Swap four ageing access points on floor 3 that drop clients under load.",
      4,
      2,
      2,
      "Luis",
      9,
      ["Network", "Wi-Fi", "Office Wi-Fi"],
    ],
    [
      "Roll out macOS 14.6 to managed Macs",
      "Staged rollout via Jamf: pilot group first, then everyone.",
      1,
      2,
      2,
      "Hannah",
      14,
      ["Software", "Operating System", "macOS Update"],
    ],
    [
      "Enforce phishing-resistant MFA for admins",
      "Require FIDO2 keys for every privileged account.",
      3,
      3,
      3,
      "Fatima",
      20,
      ["Access", "Account", "MFA"],
    ],
    [
      "Emergency patch for print server vulnerability",
      "Apply the vendor's out-of-band patch to print01.",
      6,
      4,
      4,
      "Ben",
      -3,
      ["Hardware", "Printer", "Office Printer"],
    ],
    [
      "Salesforce SSO certificate renewal",
      "Renew the SAML signing certificate before it expires.",
      5,
      2,
      1,
      "Mei",
      2,
      ["Software", "Business Apps", "Salesforce"],
    ],
  ];
  return rows.map(
    ([subject, text, status, risk, changeType, agent, startInDays, [category, sub, item]], index) => {
      const description = paragraphsToHtml(text);
      const startMs = clock.nowMs + startInDays * 86_400_000;
      return {
        id: CHANGE_BASE + index,
        workspace_id: WORKSPACE_ID,
        agent_id: agentIdByName(agent),
        description,
        description_text: htmlToText(description),
        requester_id: requesterId(index),
        group_id: groupId(
          category === "Access"
            ? "Access Management"
            : category === "Software"
              ? sub === "Operating System"
                ? "Hardware"
                : "Applications"
              : category === "Hardware"
                ? "Security"
                : "Network",
        ),
        priority: risk >= 3 ? 3 : 2,
        impact: risk >= 3 ? 3 : 2,
        status,
        risk,
        change_type: changeType,
        approval_status: status >= 4 ? 1 : null,
        planned_start_date: clock.after(startMs, 0),
        planned_end_date: clock.after(startMs, 4 * 3600),
        subject,
        department_id: departmentId("Operations"),
        category,
        sub_category: sub,
        item_category: item,
        custom_fields: {},
        maintenance_window: { id: null },
        blackout_window: { id: null },
        created_at: clock.ago({ days: 12 - index }),
        updated_at: clock.ago({ days: 2, hours: index }),
      };
    },
  );
}

export function buildProblems(clock: SeedClock, requesterId: (index: number) => number): FsProblem[] {
  const rows: [string, string, FsProblem["status"], boolean, string, [string, string, string]][] = [
    [
      "Recurring VPN disconnects after 60 minutes",
      "Users on the new gateway are disconnected every hour; correlates with the session re-key.",
      2,
      true,
      "Grace",
      ["Network", "VPN", "GlobalProtect"],
    ],
    [
      "Docks lose external monitors after sleep",
      "USB-C docks on firmware 1.0.4 fail to wake external displays.",
      1,
      true,
      "Hannah",
      ["Hardware", "Peripherals", "Docking Station"],
    ],
    [
      "Outlook profile corruption after Office update",
      "Several users needed a new Outlook profile after the monthly update.",
      1,
      false,
      "Mei",
      ["Software", "Productivity", "Outlook"],
    ],
    [
      "Account lockouts from stale phone passwords",
      "Phones keep old passwords and lock accounts after every reset.",
      3,
      true,
      "Fatima",
      ["Access", "Account", "Account Lockout"],
    ],
  ];
  return rows.map(([subject, text, status, knownError, agent, [category, sub, item]], index): FsProblem => {
    const description = paragraphsToHtml(text);
    return {
      id: PROBLEM_BASE + index,
      workspace_id: WORKSPACE_ID,
      agent_id: agentIdByName(agent),
      requester_id: requesterId(index),
      description,
      description_text: htmlToText(description),
      subject,
      group_id: groupId(
        category === "Network"
          ? "Network"
          : category === "Hardware"
            ? "Hardware"
            : category === "Access"
              ? "Access Management"
              : "Applications",
      ),
      priority: 3,
      impact: index === 0 ? 3 : 2,
      status,
      known_error: knownError,
      department_id: null,
      category,
      sub_category: sub,
      item_category: item,
      due_by: clock.after(clock.nowMs, (7 + index * 3) * 86_400),
      custom_fields: {},
      analysis_fields: knownError
        ? {
            problem_cause: { description: `<div>${text}</div>`, description_text: text },
            problem_symptom: {
              description: "<div>See linked incidents.</div>",
              description_text: "See linked incidents.",
            },
          }
        : {},
      created_at: clock.ago({ days: 30 - index * 5 }),
      updated_at: clock.ago({ days: 1, hours: index * 3 }),
    };
  });
}

const HOURS: [1 | 2 | 3 | 4, number, number][] = [
  // priority, respond within (s), resolve within (s)
  [4, 15 * 60, 4 * 3600],
  [3, 60 * 60, 8 * 3600],
  [2, 4 * 3600, 24 * 3600],
  [1, 8 * 3600, 72 * 3600],
];

export function buildSlaPolicies(clock: SeedClock): FsSlaPolicy[] {
  const policy = (
    index: number,
    name: string,
    description: string,
    isDefault: boolean,
    applicable: FsSlaPolicy["applicable_to"],
    factor: number,
  ): FsSlaPolicy => ({
    id: SLA_BASE + 1 + index,
    name,
    description,
    position: index + 1,
    is_default: isDefault,
    active: true,
    deleted: false,
    sla_targets: HOURS.map(([priority, respond, resolve]) => ({
      priority,
      escalation_enabled: priority >= 3,
      respond_within: Math.round(respond * factor),
      resolve_within: Math.round(resolve * factor),
      business_hours: priority <= 2,
    })),
    applicable_to: applicable,
    workspace_id: WORKSPACE_ID,
    created_at: clock.ago({ days: 700 - index }),
    updated_at: clock.ago({ days: 100 - index }),
  });
  return [
    policy(
      0,
      "Security incidents",
      "Faster targets for the Security group.",
      false,
      { group_ids: [groupId("Security")] },
      0.5,
    ),
    policy(1, "Service requests", "Catalog requests.", false, { ticket_types: ["Service Request"] }, 2),
    policy(2, "Default SLA Policy", "Applies when no other policy matches.", true, {}, 1),
  ];
}

export const DEFAULT_SLA_ID = SLA_BASE + 3;

export function buildBusinessHours(clock: SeedClock): FsBusinessHours[] {
  const day = { beginning_of_workday: "8:00 am", end_of_workday: "6:00 pm" };
  return [
    {
      id: BUSINESS_HOURS_ID,
      name: "IT Service Desk hours",
      description: "Monday to Friday, 8 am to 6 pm Pacific",
      is_default: true,
      time_zone: "Pacific Time (US & Canada)",
      service_desk_hours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day },
      list_of_holidays: [
        { holiday_date: "2026-01-01", holiday_name: "New Year's Day" },
        { holiday_date: "2026-05-25", holiday_name: "Memorial Day" },
        { holiday_date: "2026-07-03", holiday_name: "Independence Day (observed)" },
        { holiday_date: "2026-11-26", holiday_name: "Thanksgiving" },
        { holiday_date: "2026-12-25", holiday_name: "Christmas Day" },
      ],
      workspace_id: WORKSPACE_ID,
      created_at: clock.ago({ days: 900 }),
      updated_at: clock.ago({ days: 200 }),
    },
  ];
}
