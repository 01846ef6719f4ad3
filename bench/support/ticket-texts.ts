/** A small spread of customer messages so the classifier and the KB ranking see varied text. */
export const TICKET_TEXTS: ReadonlyArray<{ subject: string; description: string }> = [
  {
    subject: "Charged twice for the March invoice",
    description:
      "<p>Our card was billed two times for invoice 2231 this month. Please refund the duplicate charge.</p>",
  },
  {
    subject: "Cannot log in after password reset",
    description: "<p>I reset my password yesterday and now the login page says my credentials are wrong.</p>",
  },
  {
    subject: "API returns 500 on every request",
    description:
      "<p>Since this morning every call to the orders endpoint fails with an internal server error. Production is down for us.</p>",
  },
  {
    subject: "How do I export my reports to CSV?",
    description:
      "<p>I would like to download the monthly usage report as a spreadsheet. Is there an export option?</p>",
  },
  {
    subject: "Feature request: dark mode",
    description: "<p>It would be great if the dashboard had a dark theme for those of us working late.</p>",
  },
  {
    subject: "Cancel my subscription",
    description:
      "<p>Please cancel our plan at the end of the current billing period and confirm by email.</p>",
  },
  {
    subject: "Webhook deliveries are delayed by hours",
    description:
      "<p>Events reach our endpoint two or three hours late. Is there an incident on your side?</p>",
  },
  {
    subject: "Add a new user to our account",
    description: "<p>We hired a new teammate, how can I invite her and give her admin rights?</p>",
  },
];

export function ticketBody(index: number): { subject: string; description: string; email: string } {
  const text = TICKET_TEXTS[index % TICKET_TEXTS.length]!;
  return { ...text, email: `customer-${index}@example.com` };
}
