import type { LabelledExample } from "../../src/triage/examples.ts";

/** Tickets the local model never trains on; used to measure its accuracy. */
export const HELD_OUT: LabelledExample[] = [
  {
    category: "technical_issue",
    subject: "Reports page gives error 500",
    text: "Whenever we open the reports page we get an internal server error. It started after lunch today.",
  },
  {
    category: "technical_issue",
    subject: "Cannot connect to the server",
    text: "The desktop client says connection failed and keeps timing out, nobody in the office can connect.",
  },
  {
    category: "technical_issue",
    subject: "Integration with Slack not working",
    text: "Slack notifications stopped working, the integration shows a red error icon.",
  },
  {
    category: "billing_inquiry",
    subject: "Overcharged on last invoice",
    text: "Our last invoice charged us for 30 seats but we only have 20 users. Can you correct the charge?",
  },
  {
    category: "billing_inquiry",
    subject: "Receipt for payment",
    text: "Please send a receipt for the payment we made on June 3rd for the annual subscription.",
  },
  {
    category: "billing_inquiry",
    subject: "Downgrade plan",
    text: "We would like to downgrade to the basic plan at the next billing cycle. Will the price change be prorated?",
  },
  {
    category: "feature_request",
    subject: "Calendar integration idea",
    text: "It would be great to have Google Calendar integration so appointments show up automatically. Please add it!",
  },
  {
    category: "feature_request",
    subject: "Keyboard shortcuts",
    text: "Suggestion: could you add keyboard shortcuts for the most common actions? Power users would love it.",
  },
  {
    category: "feature_request",
    subject: "Request: API webhooks for invoices",
    text: "Feature request: we wish there were webhooks when invoices are created, that would help our workflow a lot.",
  },
  {
    category: "bug_report",
    subject: "Filter shows wrong results",
    text: "Steps to reproduce: filter contacts by country = France. Expected only French contacts, actual result includes Germany. Looks like a bug.",
  },
  {
    category: "bug_report",
    subject: "PDF export cuts off text",
    text: "The PDF export cuts off the last column. It is broken for wide tables and I can reproduce it every time.",
  },
  {
    category: "bug_report",
    subject: "Counter incorrect",
    text: "The unread counter shows 3 even when all messages are read. Incorrect count since the latest version, a regression.",
  },
  {
    category: "account_problem",
    subject: "Forgot password",
    text: "I forgot my password and the reset link says it has expired. I can't sign in.",
  },
  {
    category: "account_problem",
    subject: "2FA code not accepted",
    text: "My two-factor code is rejected every time so I cannot log in to my account.",
  },
  {
    category: "account_problem",
    subject: "Give access to new colleague",
    text: "Please give my new colleague admin access to our account, she cannot see the user permissions page.",
  },
  {
    category: "how_to_question",
    subject: "How do I change my timezone?",
    text: "How do I change the timezone for my profile? I looked in settings but couldn't find it.",
  },
  {
    category: "how_to_question",
    subject: "Importing contacts",
    text: "Is it possible to import contacts from a spreadsheet? Where can I find a guide for that?",
  },
  {
    category: "how_to_question",
    subject: "Setting up a signature",
    text: "How can I add an email signature for all agents? Is there documentation on this?",
  },
  {
    category: "complaint",
    subject: "Unacceptable service",
    text: "This is unacceptable. I have been waiting two weeks and I am extremely frustrated with your company.",
  },
  {
    category: "complaint",
    subject: "Disappointed with support",
    text: "Really disappointed with how your support treated me, the agent was rude and unhelpful. I want to cancel.",
  },
  {
    category: "complaint",
    subject: "Complaint about delays",
    text: "I want to make a complaint. Your team keeps promising a fix and nothing happens, the worst experience.",
  },
  {
    category: "praise",
    subject: "Great help",
    text: "Thank you so much for the great help today, really appreciate it!",
  },
  {
    category: "praise",
    subject: "You guys rock",
    text: "Awesome product and amazing support team, we love working with you. Thanks!",
  },
  {
    category: "praise",
    subject: "Feedback",
    text: "Just a quick note to say the new reports are excellent. Great job to everyone involved.",
  },
  {
    category: "general",
    subject: "Reseller program",
    text: "Do you have a partner program for agencies? We would like to discuss a partnership.",
  },
  {
    category: "general",
    subject: "Interview request",
    text: "I'm a journalist preparing an article on software companies, could someone from your company talk to me?",
  },
  {
    category: "general",
    subject: "New contact person",
    text: "From next month Anna will be the contact person for our company instead of me.",
  },
];
