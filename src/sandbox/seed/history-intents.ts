// What Larkspur's customers wrote about over the last months, as templates for the seeded
// history (history.ts). Each intent has the labels agents usually left on it and several
// phrasings; `{slot}`s are filled from the lists at the bottom, so no two tickets read the same.

export type GroupName = "Technical Support" | "Billing" | "Engineering" | "Product" | "General Support";
export type TicketType = "Question" | "Incident" | "Problem" | "Feature Request";

export type Intent = {
  key: string;
  group: GroupName;
  type: TicketType;
  /** Priorities agents set, with weights. */
  priorities: Array<[1 | 2 | 3 | 4, number]>;
  /** How common the intent is, relative to the others. */
  weight: number;
  subjects: string[];
  /** Opening paragraphs; a closing line and a signature are added. */
  bodies: string[];
  tags: string[];
};

export const INTENTS: Intent[] = [
  {
    key: "double-charge",
    group: "Billing",
    type: "Problem",
    priorities: [
      [3, 6],
      [2, 3],
      [4, 1],
    ],
    weight: 7,
    subjects: [
      "Charged twice this month",
      "Duplicate charge on our card",
      "We were billed two times for {invoice}",
      "Refund for double payment",
      "Two identical charges of {amount}",
    ],
    bodies: [
      "Our card statement shows two charges of {amount} on the same day for invoice {invoice}. We only have one subscription. Please refund the duplicate.",
      "Hi, it looks like you billed us twice for the {plan} plan this month ({amount} each). Can you reverse one of them?",
      "Finance flagged a double payment to Larkspur: {invoice} was paid by card and then charged again automatically. We need the second charge refunded.",
      "The renewal went through twice. Reference {order}. Please refund one of the two payments as soon as you can.",
    ],
    tags: ["billing", "refund"],
  },
  {
    key: "invoice-copy",
    group: "Billing",
    type: "Question",
    priorities: [
      [2, 6],
      [1, 4],
    ],
    weight: 6,
    subjects: [
      "Copy of invoice {invoice}",
      "Invoice needs our VAT number",
      "Where can I download past invoices?",
      "Invoice address is wrong",
      "Need a receipt for {order}",
    ],
    bodies: [
      "Could you send a PDF copy of invoice {invoice}? Our accountant needs it for the quarter close.",
      "Our invoices don't show our VAT number {vat}. Can you reissue {invoice} with it and add it to future invoices?",
      "The billing address on our last invoice is our old office. Please update it to {address} and send a corrected copy.",
      "I can't find where to download receipts for the last six months. Is there a billing history page?",
    ],
    tags: ["invoice"],
  },
  {
    key: "plan-change",
    group: "Billing",
    type: "Question",
    priorities: [
      [2, 5],
      [1, 4],
    ],
    weight: 5,
    subjects: [
      "Upgrade to the {plan} plan",
      "Downgrade at renewal",
      "How is the price calculated when we add seats?",
      "Switch from monthly to annual billing",
      "Add {count} more seats",
    ],
    bodies: [
      "We're growing and want to move to the {plan} plan. Will we be charged the difference straight away or at renewal?",
      "We'd like to switch to annual billing to get the discount. How do we do that without losing our data?",
      "We need {count} more seats for the new store opening. What will that do to our next invoice?",
      "Please downgrade us to the smaller plan from the next renewal; we no longer need the extra seats.",
    ],
    tags: ["plan", "billing"],
  },
  {
    key: "payment-failed",
    group: "Billing",
    type: "Problem",
    priorities: [
      [3, 5],
      [2, 5],
    ],
    weight: 5,
    subjects: [
      "Card declined on renewal",
      "Payment failed but the card is fine",
      "Update our payment method",
      "Account suspended for non-payment?",
      "Direct debit bounced",
    ],
    bodies: [
      "We got an email that our payment failed, but the card works everywhere else. Can you retry the charge for {invoice}?",
      "Our company card expired. How do I add the new one before the account gets suspended?",
      "The renewal payment bounced and now there's a red banner about suspension. We want to pay by bank transfer instead.",
      "I updated the card under Billing but it still says payment failed. Reference {order}.",
    ],
    tags: ["payment"],
  },
  {
    key: "cancel",
    group: "Billing",
    type: "Question",
    priorities: [
      [2, 6],
      [1, 3],
    ],
    weight: 3,
    subjects: [
      "Cancel our subscription",
      "How do we cancel at the end of the term?",
      "Stop auto-renewal please",
      "Closing our account",
    ],
    bodies: [
      "We've decided not to renew. Please cancel our subscription at the end of the current term and confirm in writing.",
      "How do we turn off auto-renewal? We may come back next season but don't want to be charged now.",
      "Our business is closing at the end of the month. What do we need to do to cancel and get a final invoice?",
    ],
    tags: ["cancellation", "billing"],
  },
  {
    key: "login",
    group: "Technical Support",
    type: "Problem",
    priorities: [
      [2, 6],
      [3, 3],
      [1, 1],
    ],
    weight: 7,
    subjects: [
      "Can't log in",
      "Password reset email never arrives",
      "Locked out of my account",
      "Login keeps saying invalid password",
      "Reset link expired",
    ],
    bodies: [
      "I've tried to reset my password three times and the email never arrives. I checked spam. My login is {email}.",
      "Since this morning I get 'invalid email or password' even though I'm sure it's right. Several managers at {store} have the same problem.",
      "My account is locked after too many attempts. Can you unlock it? I need to publish next week's rota today.",
      "The password reset link says it has expired as soon as I click it.",
    ],
    tags: ["login", "password"],
  },
  {
    key: "two-factor",
    group: "Technical Support",
    type: "Problem",
    priorities: [
      [3, 5],
      [2, 5],
    ],
    weight: 4,
    subjects: [
      "Lost phone with my authenticator",
      "Two-factor codes not accepted",
      "SSO login loops back to the sign-in page",
      "Okta SSO stopped working",
      "Turn off 2FA for a former manager",
    ],
    bodies: [
      "I got a new phone and my authenticator app didn't transfer. The two-factor codes are gone and I can't sign in.",
      "Our single sign-on with {idp} sends people back to the login page in a loop since yesterday. Nobody on the team can get in.",
      "Two-factor codes are rejected as invalid even though the phone's clock is correct.",
      "A manager left and we need to reset two-factor on their account so the new manager can take it over.",
    ],
    tags: ["2fa", "sso"],
  },
  {
    key: "integration",
    group: "Technical Support",
    type: "Incident",
    priorities: [
      [2, 5],
      [3, 4],
    ],
    weight: 7,
    subjects: [
      "{integration} integration stopped syncing",
      "Shifts not showing up in {integration}",
      "{integration} connection says error",
      "Timesheets missing in {integration} export",
      "Reconnect {integration}?",
    ],
    bodies: [
      "Since {weekday} our {integration} integration hasn't synced any shifts. The settings page still says Connected.",
      "Hours from last week never reached {integration}, so payroll is missing for {count} people. Can you check the sync log?",
      "The {integration} connection shows a red error icon and 'token revoked'. I'm not sure who set it up originally.",
      "Shift changes used to appear in {integration} within minutes; now nothing arrives at all.",
    ],
    tags: ["integrations"],
  },
  {
    key: "api",
    group: "Technical Support",
    type: "Question",
    priorities: [
      [2, 6],
      [1, 2],
      [3, 2],
    ],
    weight: 5,
    subjects: [
      "API returns 429 Too Many Requests",
      "Webhook deliveries failing",
      "Which API endpoint lists time entries?",
      "API token permissions",
      "Rate limit for the reporting API",
    ],
    bodies: [
      "Our nightly job pulling time entries through the API now fails with 429 after about {count} requests. What is the limit and can it be raised?",
      "Webhooks to our endpoint have been failing with timeouts. Is there a way to replay the missed events?",
      "Which endpoint should we use to export approved timesheets for a date range? The docs mention two.",
      "Can we create an API token that can only read schedules, not change them?",
    ],
    tags: ["api"],
  },
  {
    key: "mobile",
    group: "Technical Support",
    type: "Problem",
    priorities: [
      [2, 6],
      [1, 2],
      [3, 2],
    ],
    weight: 5,
    subjects: [
      "Mobile app doesn't show new shifts",
      "App crashes when clocking in",
      "Push notifications stopped",
      "Android app stuck on loading",
      "Clock-in button greyed out in the app",
    ],
    bodies: [
      "Staff at {store} say the mobile app still shows last week's rota. Logging out and back in didn't help.",
      "The iPhone app closes as soon as people tap Clock in. It started after the latest update.",
      "Nobody gets push notifications for shift swaps any more; they only see them when they open the app.",
      "The Android app spins on the loading screen forever for some of our employees.",
    ],
    tags: ["mobile"],
  },
  {
    key: "outage",
    group: "Engineering",
    type: "Incident",
    priorities: [
      [4, 8],
      [3, 2],
    ],
    weight: 5,
    subjects: [
      "Larkspur is down",
      "500 errors on every page",
      "Site not loading for anyone",
      "URGENT: cannot access schedules",
      "Outage? Dashboard times out",
    ],
    bodies: [
      "Nobody in our company can open Larkspur; every page gives a 500 error. We have {count} shifts starting in the next hour.",
      "The dashboard times out for all our stores since {time}. This is blocking clock-ins across the business.",
      "The whole app is down for us. Is there an outage? The status page says everything is fine.",
      "Every request fails with an internal server error. Our managers can't see who is working today.",
    ],
    tags: ["outage"],
  },
  {
    key: "bug",
    group: "Engineering",
    type: "Problem",
    priorities: [
      [3, 6],
      [2, 4],
    ],
    weight: 6,
    subjects: [
      "Overtime calculated wrong",
      "Shift swap approved but not applied",
      "Timezone bug in the weekly view",
      "Report totals don't add up",
      "Duplicate shifts after copying a week",
    ],
    bodies: [
      "Overtime in the payroll report counts breaks as worked time. For {first} it shows {count} hours instead of 38.",
      "When a manager approves a shift swap, the old person still appears on the rota. Reproducible every time.",
      "Our stores in two time zones see shifts one hour off in the weekly view since the clocks changed.",
      "Copying last week's schedule creates every shift twice. We have to delete them by hand.",
    ],
    tags: ["bug"],
  },
  {
    key: "data-missing",
    group: "Engineering",
    type: "Incident",
    priorities: [
      [4, 5],
      [3, 5],
    ],
    weight: 3,
    subjects: [
      "Schedules disappeared",
      "Time entries lost after the update",
      "Half of our employees vanished from the rota",
      "Data missing for last week",
    ],
    bodies: [
      "All published schedules for next week are gone from {store}. Nobody deleted them on our side.",
      "Clock-in records for {weekday} are missing for {count} employees. We need them for payroll tomorrow.",
      "After this morning's update, half of our staff no longer appear on the rota.",
    ],
    tags: ["data"],
  },
  {
    key: "feature",
    group: "Product",
    type: "Feature Request",
    priorities: [
      [1, 8],
      [2, 2],
    ],
    weight: 7,
    subjects: [
      "Feature request: {feature}",
      "Would love {feature}",
      "Suggestion: {feature}",
      "Any plans for {feature}?",
      "Idea for the rota screen",
    ],
    bodies: [
      "It would help us a lot to have {feature}. Right now we do it in a spreadsheet every week.",
      "Is {feature} on the roadmap? Several of our managers have asked for it.",
      "Small suggestion from our team: {feature}. It would save us a lot of clicking.",
      "We'd pay for an add-on that gives us {feature}.",
    ],
    tags: ["feature-request"],
  },
  {
    key: "feedback",
    group: "Product",
    type: "Question",
    priorities: [
      [1, 7],
      [2, 3],
    ],
    weight: 3,
    subjects: [
      "Feedback on the new schedule editor",
      "The new design is harder to use",
      "Roadmap question",
      "Beta program?",
    ],
    bodies: [
      "Our managers find the new schedule editor slower than the old one; it takes more clicks to assign a shift. Just sharing feedback.",
      "Is there a public roadmap? We are deciding whether to build our own availability tool.",
      "We'd like to join the beta for new features if there is one.",
    ],
    tags: ["feedback"],
  },
  {
    key: "how-to",
    group: "General Support",
    type: "Question",
    priorities: [
      [1, 7],
      [2, 3],
    ],
    weight: 8,
    subjects: [
      "How do I add new employees?",
      "How to set up shift templates",
      "Invite managers to a location",
      "Setting availability for part-timers",
      "How do I print the weekly rota?",
    ],
    bodies: [
      "We hired {count} people for {store}. What's the quickest way to add them and send them invites?",
      "How do I create a shift template so I don't have to enter the same opening shift every day?",
      "Can a manager only see their own location? I want to invite {first} as manager for {store}.",
      "Where do employees enter the days they can't work?",
    ],
    tags: ["how-to"],
  },
  {
    key: "account-admin",
    group: "General Support",
    type: "Question",
    priorities: [
      [2, 6],
      [1, 4],
    ],
    weight: 4,
    subjects: [
      "Change the account owner",
      "Please delete my personal data",
      "Transfer admin rights",
      "Merge two of our accounts",
      "Change our company name",
    ],
    bodies: [
      "Our account owner {first} has left the company. Please transfer ownership to me.",
      "Under GDPR I'm asking you to delete all personal data you hold about me ({email}).",
      "We accidentally created two Larkspur accounts for {store}. Can they be merged?",
      "We rebranded; how do we change the company name shown to employees?",
    ],
    tags: ["account"],
  },
];

/** Two intents in one message: labelled by the first, the one the agent acted on. */
export const AMBIGUOUS_JOINS = [
  "Also, separately:",
  "And while I have you:",
  "One more thing —",
  "Not sure if it's related, but",
];

export const FIRST_NAMES = [
  "Aisha",
  "Ben",
  "Carla",
  "Dmitri",
  "Elena",
  "Farid",
  "Grace",
  "Hugo",
  "Ines",
  "Jamal",
  "Keiko",
  "Liam",
  "Marta",
  "Noah",
  "Olga",
  "Pedro",
  "Quinn",
  "Rosa",
  "Sam",
  "Tariq",
  "Uma",
  "Victor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
  "Anders",
  "Bea",
  "Chidi",
  "Dana",
];
export const LAST_NAMES = [
  "Adams",
  "Baker",
  "Costa",
  "Dang",
  "Evans",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ito",
  "Jensen",
  "Kowalski",
  "Lopez",
  "Moreno",
  "Nakamura",
  "O'Brien",
  "Patel",
  "Quist",
  "Rossi",
  "Silva",
  "Tanaka",
  "Usman",
  "Varga",
  "Weber",
  "Young",
  "Zhang",
];
export const DOMAINS = [
  "northwind-retail.example",
  "cedarclinic.example",
  "bluefin-cafe.example",
  "oakridge-care.example",
  "summit-fitness.example",
  "lumen-logistics.example",
  "harvest-grocers.example",
  "pinecrest-hotel.example",
  "riverside-dental.example",
  "metro-cinemas.example",
  "alder-bakery.example",
  "copperleaf.example",
];

export const SLOTS: Record<string, string[]> = {
  plan: ["Business", "Pro", "Enterprise", "Starter"],
  amount: ["$249.00", "$1,180.00", "$89.00", "€412.50", "£640.00", "$3,960.00"],
  integration: ["Slack", "Google Calendar", "Gusto", "ADP", "QuickBooks", "Microsoft Teams", "Xero"],
  idp: ["Okta", "Azure AD", "Google Workspace", "OneLogin"],
  store: [
    "our Leeds store",
    "the downtown clinic",
    "store 14",
    "the airport kiosk",
    "our warehouse",
    "the north site",
    "our Lisbon office",
    "the flagship store",
  ],
  weekday: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the weekend"],
  time: ["7:40 this morning", "about 9 am", "noon", "shortly after 2 pm", "last night"],
  feature: [
    "a Gantt view for projects",
    "dark mode",
    "shift bidding",
    "a monthly calendar export",
    "availability templates",
    "labour cost forecasts",
    "a Kanban board",
    "custom roles per location",
    "bulk editing of shifts",
    "an Outlook add-in",
  ],
  address: ["12 Harbour Road, Bristol BS1 5TT", "88 King Street, Toronto", "Rua Augusta 40, Lisbon"],
  vat: ["GB 284 1937 55", "DE 811 907 980", "PT 502 011 378", "IE 6388047V"],
};

export const CLOSINGS = [
  "Thanks,",
  "Thanks in advance,",
  "Best regards,",
  "Cheers,",
  "Kind regards,",
  "Many thanks,",
  "",
];
