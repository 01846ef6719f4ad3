import { REQUESTER_BASE } from "../freshservice-sandbox/seed/ids.ts";
import { LAPTOP_DEMO_REQUESTER_INDEX } from "../freshservice-sandbox/seed/tickets.ts";
import type { CreatedDemo } from "../products/wiring.ts";
import { postTicket } from "./demo-tickets.ts";

/**
 * New tickets for the zero-config Freshservice demo (`SANDBOX_PRODUCT=freshservice npm start`):
 * one per kind of request an IT service desk tells apart, raised by seeded requesters so the note
 * can name their department and, for the laptop, the asset the ticket is about. Created through
 * the sandbox's Freshservice API, so the Workflow Automator emulator calls our webhook for them.
 */
type FreshserviceDemoTicket = { subject: string; description: string; requesterIndex: number };

const DEMO_TICKETS: readonly FreshserviceDemoTicket[] = [
  {
    subject: "My MacBook won't boot after the update",
    description:
      "This morning my laptop won't boot: the screen stays black after the Apple logo and the fan spins. I have a client call at 11 and everything is on it.",
    requesterIndex: LAPTOP_DEMO_REQUESTER_INDEX,
  },
  {
    subject: "VPN keeps disconnecting when working from home",
    description:
      "Since yesterday the VPN drops every few minutes when I work from home, so I lose my session on the internal tools. Office Wi-Fi is fine.",
    requesterIndex: 9,
  },
  {
    subject: "Need access to the Finance shared drive",
    description:
      "I joined the Finance team this week and need read and write access to the Finance shared drive for the month-end close. My manager has approved it.",
    requesterIndex: 16,
  },
  {
    subject: "Phishing email asking for my password",
    description:
      "I received an email that looks like it is from IT asking me to confirm my password through a link. I did not click it. Forwarding details here.",
    requesterIndex: 21,
  },
  {
    subject: "Outlook not syncing my mailbox",
    description:
      "Outlook has stopped syncing since this morning: new emails show on my phone but not on the desktop app, and it says 'Trying to connect'.",
    requesterIndex: 12,
  },
];

/** Creates the demo tickets through the Freshservice v2 API at `apiBase` (…/api/v2). */
export async function createFreshserviceDemoTickets(apiBase: string, apiKey: string): Promise<CreatedDemo[]> {
  const created: CreatedDemo[] = [];
  for (const ticket of DEMO_TICKETS) {
    const body = await postTicket<{ ticket: { id: number } }>(apiBase, apiKey, {
      subject: ticket.subject,
      description: `<div>${ticket.description}</div>`,
      requester_id: REQUESTER_BASE + 1 + ticket.requesterIndex,
      // Freshservice's create table stars status and priority; send both (reference §3).
      status: 2,
      priority: 1,
      source: 2,
    });
    created.push({ id: body.ticket.id, subject: ticket.subject });
  }
  return created;
}
