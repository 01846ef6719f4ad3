import type { SeedClock } from "./clock.ts";
import { htmlToText } from "./html.ts";
import { CANNED_FOLDER, SEQUENCE, sequenceId } from "./ids.ts";
import type { FdCannedResponse, FdCannedResponseFolder } from "./types.ts";

const FOLDERS = [
  { id: CANNED_FOLDER.general, name: "General" },
  { id: CANNED_FOLDER.billing, name: "Billing" },
  { id: CANNED_FOLDER.technical, name: "Technical" },
];

// Bodies use Freshdesk placeholders, rendered per ticket by `include=evaluated_response`.
const RESPONSES: { folderId: number; title: string; html: string }[] = [
  {
    folderId: CANNED_FOLDER.general,
    title: "Acknowledge and set expectations",
    html:
      "<p>Hi {{ticket.requester.name}},</p>" +
      '<p>Thanks for getting in touch. We\'ve received your request about "{{ticket.subject}}" and logged it as ticket #{{ticket.id}}.</p>' +
      "<p>A member of our team will reply within one business day. If anything changes in the meantime, just reply to this email.</p>" +
      "<p>Best regards,<br>{{ticket.agent.name}}</p>",
  },
  {
    folderId: CANNED_FOLDER.general,
    title: "Feature request logged",
    html:
      "<p>Hi {{ticket.requester.name}},</p>" +
      "<p>Thank you for the suggestion! I've shared it with our product team and linked it to ticket #{{ticket.id}}, so we can let you know when there's news.</p>" +
      "<p>We can't promise dates, but requests from customers like you are exactly what shapes our roadmap.</p>" +
      "<p>Best regards,<br>{{ticket.agent.name}}</p>",
  },
  {
    folderId: CANNED_FOLDER.general,
    title: "Closing: no reply received",
    html:
      "<p>Hi {{ticket.requester.name}},</p>" +
      "<p>We haven't heard back about \"{{ticket.subject}}\", so we'll close ticket #{{ticket.id}} for now. Replying to this email reopens it at any time.</p>" +
      "<p>Best regards,<br>{{ticket.agent.name}}</p>",
  },
  {
    folderId: CANNED_FOLDER.billing,
    title: "Refund approved",
    html:
      "<p>Hi {{ticket.requester.name}},</p>" +
      "<p>Good news: we've issued the refund discussed in ticket #{{ticket.id}}. It goes back to the original payment method and usually appears within 5–10 business days, depending on your bank.</p>" +
      "<p>You'll receive a credit note by email shortly.</p>" +
      "<p>Best regards,<br>{{ticket.agent.name}}</p>",
  },
  {
    folderId: CANNED_FOLDER.billing,
    title: "Ask for the invoice number",
    html:
      "<p>Hi {{ticket.requester.name}},</p>" +
      '<p>Thanks for reaching out about "{{ticket.subject}}". To look into the charge, could you send us the invoice number? It starts with INV- and is shown under Settings → Billing → Invoices.</p>' +
      "<p>Best regards,<br>{{ticket.agent.name}}</p>",
  },
  {
    folderId: CANNED_FOLDER.technical,
    title: "Request details to reproduce",
    html:
      "<p>Hi {{ticket.requester.name}},</p>" +
      "<p>Sorry for the trouble. To reproduce the problem in ticket #{{ticket.id}}, could you send us:</p>" +
      "<ul><li>the time it happened and your time zone,</li><li>the request ID shown at the bottom of the error, if any,</li><li>your browser or app version, and a screenshot.</li></ul>" +
      "<p>Best regards,<br>{{ticket.agent.name}}</p>",
  },
  {
    folderId: CANNED_FOLDER.technical,
    title: "Known incident – follow the status page",
    html:
      "<p>Hi {{ticket.requester.name}},</p>" +
      "<p>We're aware of the problem you reported and our engineers are working on it right now. Live updates are posted on status.larkspur.example, and we'll update ticket #{{ticket.id}} as soon as it's resolved.</p>" +
      "<p>We're sorry for the disruption.</p>" +
      "<p>Best regards,<br>{{ticket.agent.name}}</p>",
  },
];

export function buildCannedResponseFolders(clock: SeedClock): FdCannedResponseFolder[] {
  return FOLDERS.map((folder, index) => ({
    id: folder.id,
    name: folder.name,
    personal: false,
    responses_count: RESPONSES.filter((response) => response.folderId === folder.id).length,
    created_at: clock.ago({ days: 402, hours: index }),
    updated_at: clock.ago({ days: 45 - index * 4 }),
  }));
}

export function buildCannedResponses(clock: SeedClock): FdCannedResponse[] {
  return RESPONSES.map((response, index) => ({
    id: sequenceId(SEQUENCE.cannedResponse, index),
    title: response.title,
    folder_id: response.folderId,
    content: htmlToText(response.html),
    content_html: response.html,
    attachments: [],
    created_at: clock.ago({ days: 400 - index * 20 }),
    updated_at: clock.ago({ days: 50 - index * 3 }),
  }));
}
