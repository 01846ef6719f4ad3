/**
 * Reply drafts for the local classifier, one per built-in category. An agent edits and sends
 * them; they are never sent automatically. Categories added through TRIAGE_CONFIG use the
 * generic draft.
 */

const TEMPLATES: Record<string, string> = {
  technical_issue:
    "Thank you for reporting this, and sorry for the disruption. We are looking into it now. " +
    "To speed things up, could you tell us when it started, which browser or app version you use, " +
    "and any error message you see? We will update you as soon as we know more.",
  billing_inquiry:
    "Thank you for reaching out about your billing. We are checking your account and will get back " +
    "to you shortly with the details. If this concerns a specific invoice or charge, please include " +
    "its number or date so we can find it quickly.",
  feature_request:
    "Thank you for the suggestion! We have shared it with our product team, who review every request " +
    "when planning the roadmap. If you can tell us a little more about how you would use it, that " +
    "helps them prioritise.",
  bug_report:
    "Thank you for the detailed report. We are trying to reproduce the problem and have passed it to " +
    "our engineering team. If you have the exact steps, a screenshot, or the time it happened, please " +
    "send them along.",
  account_problem:
    "Sorry you are having trouble with your account. For your security we will verify a few details " +
    "before making changes. Please reply from the email address registered on the account, and we " +
    "will help you regain access.",
  how_to_question:
    "Thanks for your question! Our help articles below may already cover this. If they do not, reply " +
    "here and we will walk you through it step by step.",
  complaint:
    "We are sorry about your experience, and thank you for telling us. This is not the standard we " +
    "aim for. A member of our team is reviewing your case personally and will contact you shortly.",
  praise: "Thank you so much for the kind words! We have shared them with the team; it means a lot to us.",
};

const GENERIC =
  "Thank you for contacting us. We have received your message and a member of our team will get " +
  "back to you shortly.";

export function replyDraft(category: string, requesterName?: string): string {
  const firstName = requesterName?.trim().split(/\s+/)[0];
  const greeting = firstName ? `Hi ${firstName},` : "Hello,";
  return `${greeting}\n\n${TEMPLATES[category] ?? GENERIC}\n\nBest regards`;
}
