import type { ArticleSpec } from "./article-spec.ts";

export const BILLING_ARTICLES: ArticleSpec[] = [
  {
    folder: "paymentsInvoices",
    title: "How refunds work",
    html:
      "<p>If Larkspur didn't work out for your team, we're happy to help. Refunds are handled by our Billing team and go back to the original payment method.</p>" +
      "<h3>Who is eligible</h3>" +
      "<ul><li><strong>Monthly plans:</strong> a full refund if you cancel within 14 days of the first paid charge.</li>" +
      "<li><strong>Annual plans:</strong> a prorated refund for the unused full months if you cancel within 30 days of renewal.</li>" +
      "<li>Charges for seats that were added and then removed in the same billing period are credited automatically; no request is needed.</li></ul>" +
      "<h3>How to request a refund</h3>" +
      "<p>Reply to your receipt email or open a ticket from <strong>Settings → Billing → Get help</strong>. Include the invoice number (it starts with <code>INV-</code>) so we can find the charge quickly.</p>" +
      "<p>Approved refunds reach your card in 5–10 business days, depending on your bank. You'll receive a credit note by email as soon as we issue it.</p>",
    tags: ["refund", "billing", "cancellation"],
    status: 2,
    hits: 1843,
    thumbsUp: 97,
    thumbsDown: 21,
    createdDaysAgo: 380,
    updatedDaysAgo: 41,
    metaDescription: "Refund eligibility for monthly and annual Larkspur plans and how to request one.",
  },
  {
    folder: "paymentsInvoices",
    title: "I was charged twice – what should I do?",
    html:
      "<p>Seeing two charges for the same invoice is alarming, but in most cases one of them is a <strong>pending authorisation</strong> that your bank releases within 3–5 business days.</p>" +
      "<h3>Check whether it is a duplicate</h3>" +
      "<ol><li>Go to <strong>Settings → Billing → Invoices</strong>. Every real charge has its own invoice.</li>" +
      "<li>If you see only one invoice for the period, the second entry on your statement is an authorisation hold and will disappear on its own.</li>" +
      "<li>If you see two paid invoices for the same period, it is a genuine duplicate.</li></ol>" +
      "<h3>Genuine duplicates</h3>" +
      "<p>Open a ticket with both invoice numbers. Billing will refund the extra charge in full, usually the same business day, and confirm by email. Duplicate charges most often happen when a payment is retried after a card update; we review each case to stop it happening again.</p>",
    tags: ["duplicate charge", "billing", "refund", "invoice"],
    status: 2,
    hits: 962,
    thumbsUp: 58,
    thumbsDown: 9,
    createdDaysAgo: 300,
    updatedDaysAgo: 75,
    metaDescription: "How to tell a pending authorisation from a duplicate charge and get it refunded.",
  },
  {
    folder: "paymentsInvoices",
    title: "Downloading invoices and adding your VAT or tax ID",
    html:
      "<p>Account owners and billing admins can download every invoice as a PDF from <strong>Settings → Billing → Invoices</strong>.</p>" +
      "<h3>Adding company details</h3>" +
      "<p>To show your legal company name, billing address and VAT / GST / tax ID on invoices, open <strong>Settings → Billing → Billing details</strong> and fill in the fields. The details apply to all future invoices.</p>" +
      "<p>Need an existing invoice reissued with the new details? Open a ticket with the invoice number and we will send a corrected copy within one business day.</p>" +
      "<h3>Sending invoices to your accounts team</h3>" +
      "<p>Add up to three extra email addresses under <strong>Invoice recipients</strong> and they will receive every invoice automatically.</p>",
    tags: ["invoice", "vat", "tax", "billing"],
    status: 2,
    hits: 1210,
    thumbsUp: 64,
    thumbsDown: 4,
    createdDaysAgo: 370,
    updatedDaysAgo: 44,
    metaDescription: "Download invoice PDFs, add a VAT or tax ID and send invoices to your accounts team.",
  },
  {
    folder: "paymentsInvoices",
    title: "Updating your payment method",
    html:
      "<p>We accept Visa, Mastercard and American Express on all plans, and bank transfer (ACH / SEPA) on annual Business and Enterprise plans.</p>" +
      "<ol><li>Go to <strong>Settings → Billing → Payment method</strong>.</li>" +
      "<li>Click <strong>Replace card</strong> and enter the new card details.</li>" +
      "<li>Click <strong>Save</strong>. If a payment had failed, we retry it within an hour.</li></ol>" +
      "<p>Only the account owner and billing admins can change the payment method. If your card keeps being declined, check with your bank that international online payments are allowed: Larkspur charges are processed in the United States.</p>",
    tags: ["payment method", "credit card", "billing", "failed payment"],
    status: 2,
    hits: 734,
    thumbsUp: 31,
    thumbsDown: 6,
    createdDaysAgo: 365,
    updatedDaysAgo: 120,
    metaDescription:
      "Change the card or bank account Larkspur charges, and what to do about declined payments.",
  },
  {
    folder: "plansSubscriptions",
    title: "Changing your plan: upgrades, downgrades and proration",
    html:
      "<p>You can move between the Starter, Team and Business plans at any time from <strong>Settings → Billing → Plan</strong>.</p>" +
      "<h3>Upgrading</h3>" +
      "<p>Upgrades take effect immediately. We charge the prorated difference for the rest of the current billing period, so you only pay for the days you use the higher plan.</p>" +
      "<h3>Downgrading</h3>" +
      "<p>Downgrades take effect at the end of the current period; you keep the higher plan's features until then. If your team uses features the lower plan doesn't include (for example SSO or custom reports), you'll see a checklist before you confirm.</p>" +
      "<h3>Switching between monthly and annual billing</h3>" +
      "<p>Switching to annual billing starts a new 12-month term today and credits the unused part of your monthly period. Switching from annual to monthly happens at renewal.</p>",
    tags: ["plan", "upgrade", "downgrade", "proration", "billing"],
    status: 2,
    hits: 1502,
    thumbsUp: 88,
    thumbsDown: 12,
    createdDaysAgo: 360,
    updatedDaysAgo: 30,
    metaDescription: "How upgrades, downgrades and monthly/annual switches are billed.",
  },
  {
    folder: "plansSubscriptions",
    title: "Cancelling your subscription",
    html:
      "<p>The account owner can cancel at any time from <strong>Settings → Billing → Plan → Cancel subscription</strong>.</p>" +
      "<p>Your workspace stays fully usable until the end of the period you've paid for. After that it becomes read-only for 30 days so you can export your data, and is then deleted.</p>" +
      "<p>Cancelling does not refund the current period automatically; see <em>How refunds work</em> for when a refund applies.</p>",
    tags: ["cancel", "subscription", "billing"],
    status: 2,
    hits: 688,
    thumbsUp: 22,
    thumbsDown: 14,
    createdDaysAgo: 355,
    updatedDaysAgo: 150,
    metaDescription: "Cancel a Larkspur subscription and what happens to your workspace afterwards.",
  },
  {
    folder: "plansSubscriptions",
    title: "Nonprofit and education discounts",
    html:
      "<p>Registered nonprofits and accredited schools get 40% off the Team and Business plans.</p>" +
      "<p>Open a ticket from the workspace you want discounted and attach proof of status (for example your charity registration or a school letterhead). The discount applies from the next invoice.</p>" +
      "<p><em>Draft: waiting for the new eligibility rules from Finance before publishing.</em></p>",
    tags: ["discount", "nonprofit", "education", "billing"],
    status: 1,
    hits: 0,
    thumbsUp: 0,
    thumbsDown: 0,
    createdDaysAgo: 9,
    updatedDaysAgo: 2,
    metaDescription: "Discounts for nonprofits and schools.",
  },
];
