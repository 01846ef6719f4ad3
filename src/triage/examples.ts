/**
 * Labelled example tickets the local classifier learns from, alongside the taxonomy's
 * descriptions and keywords. Written to sound like real customers: mixed lengths, typos of
 * tone rather than of spelling, and overlapping vocabulary between neighbouring categories.
 */
export type LabelledExample = { category: string; subject: string; text: string };

export const LABELLED_EXAMPLES: LabelledExample[] = [
  // technical_issue
  {
    category: "technical_issue",
    subject: "Dashboard not loading",
    text: "Since this morning the dashboard just shows a spinner and never loads. We tried Chrome and Firefox, cleared the cache, same thing.",
  },
  {
    category: "technical_issue",
    subject: "API returning 503 errors",
    text: "Our integration started getting 503 Service Unavailable from your API about an hour ago. Nothing changed on our side.",
  },
  {
    category: "technical_issue",
    subject: "Sync with Salesforce stopped",
    text: "Contacts are no longer syncing to Salesforce. The last successful sync was yesterday at 4pm and the connector shows an error.",
  },
  {
    category: "technical_issue",
    subject: "App extremely slow",
    text: "Every page takes 30 seconds or more to load and reports time out. The whole team is affected and we can't work.",
  },
  {
    category: "technical_issue",
    subject: "Emails not being delivered",
    text: "Notification emails from the platform stopped arriving for all our users. Checked spam folders, nothing there.",
  },
  {
    category: "technical_issue",
    subject: "Mobile app crashes on startup",
    text: "The Android app crashes immediately after opening since the last update. Reinstalling did not help.",
  },
  {
    category: "technical_issue",
    subject: "Webhooks not firing",
    text: "Our webhook endpoint has not received any events since yesterday even though new orders are coming in. Connection seems down.",
  },
  // billing_inquiry
  {
    category: "billing_inquiry",
    subject: "Charged twice this month",
    text: "I see two charges of $49 on my credit card for the same subscription this month. Please refund the duplicate payment.",
  },
  {
    category: "billing_inquiry",
    subject: "Need a copy of invoice",
    text: "Could you send me the invoice for March with our VAT number on it? Our accounting department needs it.",
  },
  {
    category: "billing_inquiry",
    subject: "Upgrade to annual plan",
    text: "We want to switch from monthly to annual billing. What would the price be for 25 seats and do we get a discount?",
  },
  {
    category: "billing_inquiry",
    subject: "Update payment method",
    text: "Our company card expired. How do we change the payment method before the next renewal charge?",
  },
  {
    category: "billing_inquiry",
    subject: "Refund request",
    text: "We cancelled the subscription last week but were still charged for the next month. We'd like a refund please.",
  },
  {
    category: "billing_inquiry",
    subject: "Question about pricing",
    text: "Is tax included in the price shown on the pricing page? The receipt total is higher than the plan price.",
  },
  {
    category: "billing_inquiry",
    subject: "Invoice address wrong",
    text: "The billing address on our last invoices is our old office. Please correct it and reissue the invoice.",
  },
  // feature_request
  {
    category: "feature_request",
    subject: "Dark mode",
    text: "It would be great if the web app had a dark mode. Many of us work late and the white screen is tiring.",
  },
  {
    category: "feature_request",
    subject: "Export to Excel",
    text: "Please add an option to export reports to Excel. Right now we only get CSV and have to reformat everything.",
  },
  {
    category: "feature_request",
    subject: "Suggestion: bulk edit",
    text: "A suggestion: allow bulk editing of contacts. Changing the owner of 200 contacts one by one takes forever.",
  },
  {
    category: "feature_request",
    subject: "Support for SSO with Okta",
    text: "Do you plan to add support for single sign-on with Okta? It is a requirement from our IT department.",
  },
  {
    category: "feature_request",
    subject: "Custom fields in the mobile app",
    text: "We wish the mobile app showed custom fields like the web version does. Could you add that in a future release?",
  },
  {
    category: "feature_request",
    subject: "Idea for scheduling",
    text: "Would love the ability to schedule reports to be emailed every Monday. Is that on the roadmap?",
  },
  {
    category: "feature_request",
    subject: "More languages",
    text: "Please consider adding a German translation of the customer portal. Our customers would appreciate it.",
  },
  // bug_report
  {
    category: "bug_report",
    subject: "Wrong totals in monthly report",
    text: "The monthly report shows 1,204 orders but the list only has 1,198. Steps to reproduce: open Reports, pick March, compare with the export.",
  },
  {
    category: "bug_report",
    subject: "Save button does nothing",
    text: "On the settings page the Save button does nothing when the description contains an emoji. Expected: settings are saved. Actual: no change, no error.",
  },
  {
    category: "bug_report",
    subject: "Date picker shows wrong day",
    text: "When I choose 31 March in the date picker it saves 30 March. Looks like a timezone bug. Reproducible every time.",
  },
  {
    category: "bug_report",
    subject: "Regression after last release",
    text: "After the last release, sorting the table by amount sorts alphabetically instead of numerically. This worked before, so it's a regression.",
  },
  {
    category: "bug_report",
    subject: "Duplicate entries created",
    text: "Importing a CSV with 10 rows creates 20 records, every row is duplicated. I attached the file so you can reproduce it.",
  },
  {
    category: "bug_report",
    subject: "Broken link in email template",
    text: "The unsubscribe link in the default email template points to a 404 page. Incorrect URL, it's missing the account id.",
  },
  {
    category: "bug_report",
    subject: "Search ignores accents",
    text: "Searching for 'Müller' finds nothing but 'Muller' finds the contact. The search results are incorrect for names with accents.",
  },
  // account_problem
  {
    category: "account_problem",
    subject: "Can't log in",
    text: "I can't log in to my account. It says my password is incorrect even after I reset it twice.",
  },
  {
    category: "account_problem",
    subject: "Account locked",
    text: "My account got locked after too many attempts. Please unlock it, I need access for a meeting today.",
  },
  {
    category: "account_problem",
    subject: "Lost my 2FA phone",
    text: "I lost the phone with my two-factor authentication app and can't sign in anymore. How can I recover my account?",
  },
  {
    category: "account_problem",
    subject: "Password reset email never arrives",
    text: "I requested a password reset link three times but the email never arrives, so I am stuck at the sign in page.",
  },
  {
    category: "account_problem",
    subject: "Remove former employee",
    text: "A former employee still has access to our account. Please remove his user and transfer ownership to me as admin.",
  },
  {
    category: "account_problem",
    subject: "Change account email",
    text: "I need to change the email address used to log in to my account because our company changed domain.",
  },
  {
    category: "account_problem",
    subject: "Permission denied for admin",
    text: "I am an admin but I get permission denied when I open user management. My role and permissions look wrong.",
  },
  // how_to_question
  {
    category: "how_to_question",
    subject: "How do I add a teammate?",
    text: "How do I invite a new teammate to our workspace? I can't find the option in settings.",
  },
  {
    category: "how_to_question",
    subject: "Setting up email forwarding",
    text: "What are the steps to set up forwarding from our support mailbox? Is there a guide somewhere?",
  },
  {
    category: "how_to_question",
    subject: "Where can I find the API key?",
    text: "Where can I find my API key? The documentation says it's in the profile but I don't see it.",
  },
  {
    category: "how_to_question",
    subject: "Is it possible to merge contacts?",
    text: "Is it possible to merge two contacts that belong to the same person? How can I do that?",
  },
  {
    category: "how_to_question",
    subject: "Creating a custom report",
    text: "How can I create a report that shows tickets per agent per week? Not sure which options to pick.",
  },
  {
    category: "how_to_question",
    subject: "Question about automations",
    text: "How to configure an automation that assigns new tickets to a group based on the subject? Any tutorial?",
  },
  {
    category: "how_to_question",
    subject: "Change the language of the portal",
    text: "Can you tell me how to change the default language of our customer portal to Spanish?",
  },
  // complaint
  {
    category: "complaint",
    subject: "Very disappointed",
    text: "I am very disappointed with your support. I have waited a week for an answer and nobody has responded. This is unacceptable.",
  },
  {
    category: "complaint",
    subject: "Terrible experience",
    text: "Terrible experience with your company. Your agent was rude and closed my ticket without solving anything.",
  },
  {
    category: "complaint",
    subject: "Considering cancelling",
    text: "We are seriously considering cancelling our contract. The service quality has gone downhill and we are frustrated.",
  },
  {
    category: "complaint",
    subject: "Formal complaint",
    text: "I want to file a formal complaint about how my issue was handled. Being passed between five people is not acceptable.",
  },
  {
    category: "complaint",
    subject: "Worst support ever",
    text: "Worst support I have ever dealt with. Every time I ask I get a copy-paste answer that ignores my question.",
  },
  {
    category: "complaint",
    subject: "Not happy with the price increase",
    text: "Raising prices by 40% without notice is outrageous. We feel like loyal customers are being punished.",
  },
  // praise
  {
    category: "praise",
    subject: "Thank you!",
    text: "Just wanted to say thank you to Maria for solving our problem so quickly. Great job!",
  },
  {
    category: "praise",
    subject: "Love the new update",
    text: "We love the new update, the interface is so much cleaner. Awesome work by the whole team.",
  },
  {
    category: "praise",
    subject: "Excellent support",
    text: "Excellent support as always, really appreciate the fast and friendly help yesterday.",
  },
  {
    category: "praise",
    subject: "Kudos",
    text: "Kudos to your team, the onboarding was smooth and everyone on our side is happy with the product.",
  },
  {
    category: "praise",
    subject: "Amazing product",
    text: "Your product is amazing, it saved us hours every week. Thanks for building it!",
  },
  {
    category: "praise",
    subject: "Great webinar",
    text: "Thanks for the great webinar yesterday, very helpful and well presented. Looking forward to the next one.",
  },
  // general
  {
    category: "general",
    subject: "Partnership opportunity",
    text: "We are an agency interested in becoming a reseller partner. Who should we talk to?",
  },
  {
    category: "general",
    subject: "Office hours",
    text: "What are your office hours during the holidays? We want to plan our rollout accordingly.",
  },
  {
    category: "general",
    subject: "Request for security questionnaire",
    text: "Our procurement team needs you to fill in a vendor security questionnaire. Who can we send it to?",
  },
  {
    category: "general",
    subject: "Conference meeting",
    text: "Will your company attend the trade conference in Berlin next month? We would like to meet there.",
  },
  {
    category: "general",
    subject: "Change of contact person",
    text: "Please note that I am the new contact person for our company from now on, replacing Tom.",
  },
  {
    category: "general",
    subject: "Press inquiry",
    text: "I am a journalist writing an article about customer service software and would like to interview someone.",
  },
];
