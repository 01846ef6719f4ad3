// The open demo tickets: what an IT service desk's queue looks like on a weekday morning. Most are
// untriaged (no category, group or agent; urgency, impact and priority at the Low default) so
// triage has something to do; a few were already handled by agents.
import type { SeedClock } from "../../sandbox/seed/clock.ts";
import { CONVERSATION_BASE, DEMO_FIRST_ID, SUPPORT_EMAIL } from "./ids.ts";
import { agentIdByName, type GroupName, groupId } from "./org.ts";
import { ticketRecord } from "./ticket-record.ts";
import type { FsAsset, FsConversation, FsRequester, FsTicket } from "./types.ts";

type Demo = {
  subject: string;
  body: string;
  /** Index into the seeded requesters. */
  requester: number;
  minutesAgo: number;
  source?: number;
  type?: "Incident" | "Service Request";
  /** Already handled by an agent: [group, agent first name, category, sub, item, urgency, impact, priority]. */
  handled?: [GroupName, string, string, string, string, 1 | 2 | 3, 1 | 2 | 3, 1 | 2 | 3 | 4];
  status?: 2 | 3;
  /** Link the requester's asset of this type (`include=assets`). */
  linkAsset?: "Laptop" | "Monitor" | "Mobile Phone";
};

/** Requester 3 owns a MacBook Pro 14 (LAP-0042): the "won't boot" ticket's requester. */
export const LAPTOP_DEMO_REQUESTER_INDEX = 3;

const DEMOS: Demo[] = [
  {
    subject: "My laptop won't boot",
    body: "Hi IT,\n\nMy laptop won't boot this morning. I press the power button and the screen stays black, the fan does not even spin. It was fine yesterday when I closed the lid. I have a client presentation at 2pm and all my slides are on it.\n\nCan someone help?",
    requester: LAPTOP_DEMO_REQUESTER_INDEX,
    minutesAgo: 25,
  },
  {
    subject: "VPN keeps disconnecting every hour",
    body: "Working from home today and GlobalProtect drops the connection roughly every 60 minutes. I have to reconnect and approve MFA again each time. Is this a known issue?",
    requester: 9,
    minutesAgo: 48,
  },
  {
    subject: "Locked out of my account",
    body: "I changed my password on Friday and now my account is locked. I can't log in to my laptop or email. My phone might still have the old password.",
    requester: 12,
    minutesAgo: 55,
    source: 3,
  },
  {
    subject: "Suspicious email asking to confirm payroll details",
    body: 'I received an email from "HR Payroll" asking me to confirm my bank details through a link. The sender address looks odd (hr-payroll@acme-corp-hr.com). I did not click it. Forwarding it to you.',
    requester: 16,
    minutesAgo: 70,
    source: 1,
  },
  {
    subject: "Need access to the Finance shared drive",
    body: "Hello, I joined the month-end close team and need write access to \\\\fs01\\finance\\close. My manager is Emma. Thanks!",
    requester: 8,
    minutesAgo: 95,
    type: "Service Request",
  },
  {
    subject: "New starter on Monday - laptop and accounts",
    body: "We have a new Account Executive starting next Monday, Sam Carter. Please set up an account, a laptop and a Salesforce licence.",
    requester: 1,
    minutesAgo: 130,
    type: "Service Request",
  },
  {
    subject: 'Outlook stuck on "Updating inbox"',
    body: 'Outlook has been stuck on "Updating inbox" since this morning and I don\'t receive new emails. Webmail works fine.',
    requester: 20,
    minutesAgo: 150,
  },
  {
    subject: "Second monitor not detected after docking",
    body: 'When I dock my laptop the external monitor says "no signal". I tried another cable. It worked last week.',
    requester: 21,
    minutesAgo: 175,
    linkAsset: "Monitor",
  },
  {
    subject: "No Wi-Fi on the whole 3rd floor",
    body: "Nobody on the 3rd floor can connect to ACME-CORP Wi-Fi since about 9:30. About 40 people are affected, we are all tethering to phones. Please help urgently.",
    requester: 4,
    minutesAgo: 12,
    source: 3,
  },
  {
    subject: "Printer on floor 2 says offline",
    body: "The big printer next to the kitchen on floor 2 shows as offline on my laptop and my colleague's.",
    requester: 26,
    minutesAgo: 200,
  },
  {
    subject: "Salesforce sends me back to the login page",
    body: "Since this morning when I log in to Salesforce through SSO it loops back to the login page. I have calls to log before end of day.",
    requester: 17,
    minutesAgo: 215,
    handled: ["Applications", "Mei", "Software", "Business Apps", "Salesforce", 2, 2, 2],
    status: 3,
  },
  {
    subject: "Lost my phone in a taxi",
    body: "I left my company iPhone in a taxi last night. It has my email and Slack on it. What should I do?",
    requester: 28,
    minutesAgo: 240,
    source: 3,
    linkAsset: "Mobile Phone",
  },
  {
    subject: "Excel crashes when opening the forecast workbook",
    body: "Excel closes without any error when I open our 80 MB forecast workbook. Smaller files open fine.",
    requester: 24,
    minutesAgo: 260,
  },
  {
    subject: "Request: Adobe Creative Cloud licence",
    body: "Could I get an Adobe Creative Cloud licence? I need Photoshop and Illustrator for the new campaign assets.",
    requester: 13,
    minutesAgo: 300,
    type: "Service Request",
    handled: ["Service Desk", "Priya", "Software", "Installation", "License", 1, 1, 1],
  },
  {
    subject: "Microphone not working in Teams calls",
    body: "People can't hear me in Teams meetings. The headset works on my phone. I have a customer call in an hour.",
    requester: 31,
    minutesAgo: 35,
    source: 4,
  },
  {
    subject: "Got a new phone, need to move MFA",
    body: "I got a new phone and already wiped the old one, so I can't approve sign-in requests any more.",
    requester: 34,
    minutesAgo: 320,
  },
  {
    subject: "Intranet not loading on VPN",
    body: 'When connected to the VPN, intranet.acme-corp.com says "server not found". Other websites work.',
    requester: 10,
    minutesAgo: 340,
  },
  {
    subject: "Laptop battery swelling - trackpad lifting",
    body: "The trackpad on my laptop is lifting and the case looks bent. I think the battery is swelling. Is it safe to keep using it?",
    requester: 6,
    minutesAgo: 380,
    linkAsset: "Laptop",
  },
  {
    subject: "Please add me to the sales-emea distribution list",
    body: "I've moved to the EMEA team; could you add me to sales-emea@acme-corp.com?",
    requester: 33,
    minutesAgo: 400,
    type: "Service Request",
  },
  {
    subject: "Zoom crashes when I share my screen",
    body: "Every time I share my screen in Zoom the app freezes and then quits. Mac, latest Zoom version.",
    requester: 27,
    minutesAgo: 430,
  },
  {
    subject: "Windows update stuck at 35%",
    body: 'My laptop has been showing "Working on updates 35%" for two hours. Can I turn it off?',
    requester: 22,
    minutesAgo: 20,
    source: 9,
  },
];

export type DemoTickets = {
  tickets: FsTicket[];
  conversations: FsConversation[];
  ticketAssets: Map<number, number[]>;
};

export function buildDemoTickets(
  clock: SeedClock,
  requesters: readonly FsRequester[],
  assets: readonly FsAsset[],
  laptopTypeId: (name: "Laptop" | "Monitor" | "Mobile Phone") => number,
): DemoTickets {
  const tickets: FsTicket[] = [];
  const conversations: FsConversation[] = [];
  const ticketAssets = new Map<number, number[]>();
  DEMOS.forEach((demo, index) => {
    const requester = requesters[demo.requester];
    if (!requester) throw new RangeError(`demo ticket ${index}: no requester ${demo.requester}`);
    const id = DEMO_FIRST_ID + index;
    const createdMs = clock.agoMs({ minutes: demo.minutesAgo });
    const handled = demo.handled;
    tickets.push(
      ticketRecord({
        id,
        subject: demo.subject,
        body: demo.body,
        requesterId: requester.id,
        departmentId: requester.department_ids[0] ?? null,
        createdMs,
        updatedMs: handled ? createdMs + 20 * 60_000 : createdMs,
        status: demo.status ?? 2,
        priority: handled?.[7] ?? 1,
        urgency: handled?.[5] ?? 1,
        impact: handled?.[6] ?? 1,
        source: demo.source ?? 2,
        type: demo.type ?? "Incident",
        groupId: handled ? groupId(handled[0]) : null,
        responderId: handled ? agentIdByName(handled[1]) : null,
        category: handled?.[2] ?? null,
        subCategory: handled?.[3] ?? null,
        itemCategory: handled?.[4] ?? null,
      }),
    );
    if (demo.linkAsset) {
      const typeId = laptopTypeId(demo.linkAsset);
      const owned = assets.find((asset) => asset.user_id === requester.id && asset.asset_type_id === typeId);
      if (owned) ticketAssets.set(id, [owned.display_id]);
    }
    if (handled && demo.status === 3) {
      const agentId = agentIdByName(handled[1]);
      const body = `<div>Hi ${requester.first_name}, could you try signing in from a private browser window and tell us whether it loops there too?</div>`;
      conversations.push({
        id: CONVERSATION_BASE + index,
        user_id: agentId,
        to_emails: requester.primary_email ? [requester.primary_email] : [],
        from_email: SUPPORT_EMAIL,
        cc_emails: [],
        bcc_emails: [],
        body,
        body_text: body.replace(/<[^>]+>/g, ""),
        ticket_id: id,
        incoming: false,
        private: false,
        source: 0,
        support_email: SUPPORT_EMAIL,
        attachments: [],
        created_at: clock.ago({ minutes: demo.minutesAgo - 15 }),
        updated_at: clock.ago({ minutes: demo.minutesAgo - 15 }),
      });
    }
  });
  return { tickets, conversations, ticketAssets };
}
