import type { ArticleSpec } from "./article-spec.ts";

export const TECHNICAL_ARTICLES: ArticleSpec[] = [
  {
    folder: "apiWebhooks",
    title: "API rate limits and how to handle 429 responses",
    html:
      "<p>The Larkspur REST API allows <strong>120 requests per minute</strong> per workspace on Team plans and <strong>600 per minute</strong> on Business. The limit is shared by every API key in the workspace.</p>" +
      "<p>Each response includes <code>X-RateLimit-Limit</code>, <code>X-RateLimit-Remaining</code> and <code>X-RateLimit-Reset</code> headers. When you exceed the limit you get <code>429 Too Many Requests</code> with a <code>Retry-After</code> header in seconds.</p>" +
      "<h3>Best practice for syncs</h3>" +
      "<ul><li>Wait for the <code>Retry-After</code> time before retrying; don't retry in a tight loop.</li>" +
      "<li>Use the <code>updated_since</code> filter to fetch only what changed instead of re-reading everything each night.</li>" +
      "<li>Request 100 items per page, the maximum, to reduce the number of calls.</li>" +
      "<li>Spread scheduled jobs across the hour rather than starting them all at midnight.</li></ul>" +
      "<p>If your integration genuinely needs more, contact support with your workspace ID and expected volume.</p>",
    tags: ["api", "rate limit", "429", "integrations"],
    status: 2,
    hits: 1390,
    thumbsUp: 76,
    thumbsDown: 8,
    createdDaysAgo: 320,
    updatedDaysAgo: 15,
    metaDescription: "Larkspur API rate limits, rate-limit headers and handling 429 Too Many Requests.",
  },
  {
    folder: "apiWebhooks",
    title: "Setting up webhooks and verifying signatures",
    html:
      "<p>Webhooks notify your system when something changes in Larkspur, such as a shift being published or a timesheet being approved.</p>" +
      "<ol><li>Open <strong>Settings → Developers → Webhooks</strong> and click <strong>Add endpoint</strong>.</li>" +
      "<li>Enter an HTTPS URL and pick the events you want.</li>" +
      "<li>Copy the signing secret shown once after saving.</li></ol>" +
      "<h3>Verifying the signature</h3>" +
      "<p>Every delivery carries a <code>Larkspur-Signature</code> header: an HMAC-SHA256 of the <em>raw</em> request body with your signing secret. Compute it over the exact bytes you received, before any JSON parsing or re-serialisation; re-encoded JSON is the most common cause of a signature mismatch. Rotating the secret invalidates the old one after 24 hours.</p>" +
      "<h3>Retries</h3>" +
      "<p>Respond with any 2xx status within 10 seconds. Failed deliveries are retried with backoff for up to 24 hours, and the endpoint is disabled after 3 days of continuous failures.</p>",
    tags: ["webhooks", "api", "signature", "integrations"],
    status: 2,
    hits: 604,
    thumbsUp: 38,
    thumbsDown: 7,
    createdDaysAgo: 300,
    updatedDaysAgo: 25,
    metaDescription: "Create webhook endpoints, verify Larkspur-Signature and understand retries.",
  },
  {
    folder: "integrations",
    title: "Connecting Slack",
    html:
      "<p>The Slack integration posts schedule changes, shift swaps and timesheet approvals to the channels you choose.</p>" +
      "<ol><li>Open <strong>Settings → Integrations → Slack</strong> and click <strong>Connect</strong>.</li>" +
      "<li>Approve the permissions in Slack. A Slack admin may need to approve the app first.</li>" +
      "<li>Map each Larkspur team to a Slack channel.</li></ol>" +
      "<h3>Messages stopped arriving</h3>" +
      "<p>This usually means the Slack token was revoked, for example when the person who connected Slack left your company or the channel was archived. Click <strong>Reconnect</strong> on the integration page; your channel mappings are kept.</p>",
    tags: ["slack", "integrations", "notifications"],
    status: 2,
    hits: 877,
    thumbsUp: 44,
    thumbsDown: 6,
    createdDaysAgo: 310,
    updatedDaysAgo: 58,
    metaDescription: "Connect Slack to Larkspur and fix notifications that stopped arriving.",
  },
  {
    folder: "integrations",
    title: "Syncing with Google Calendar and Outlook",
    html:
      "<p>Each member can sync their own shifts to a personal calendar from <strong>Profile → Calendar sync</strong>. Choose Google or Microsoft 365 and sign in; shifts appear within 15 minutes and update automatically.</p>" +
      "<p>Using another calendar app? Copy the private iCal link instead. Calendar apps refresh iCal feeds on their own schedule (Google can take up to 24 hours), so use the direct Google or Outlook connection when you need changes to appear quickly.</p>",
    tags: ["calendar", "google", "outlook", "integrations"],
    status: 2,
    hits: 455,
    thumbsUp: 25,
    thumbsDown: 9,
    createdDaysAgo: 280,
    updatedDaysAgo: 90,
    metaDescription: "Sync Larkspur shifts to Google Calendar, Outlook or any iCal app.",
  },
  {
    folder: "troubleshooting",
    title: "Seeing 500 errors or the app won't load? Check our status page",
    html:
      "<p>If Larkspur shows <em>Something went wrong (500)</em>, pages time out, or saving fails for everyone on your team, first check <strong>status.larkspur.example</strong>. During an incident we post updates there at least every 30 minutes, and you can subscribe to email or SMS alerts.</p>" +
      "<h3>If the status page is green</h3>" +
      "<ol><li>Reload with a hard refresh (Ctrl+Shift+R / Cmd+Shift+R) and try a private window to rule out browser extensions.</li>" +
      "<li>Note the time and the <strong>request ID</strong> shown at the bottom of the error message.</li>" +
      "<li>Open a ticket with the request ID, what you were doing and a screenshot. Request IDs let our engineers find the exact failure in seconds.</li></ol>" +
      "<p>If nobody in your organisation can work, say so in the subject (for example <em>Outage: all users affected</em>) so the ticket is treated as urgent.</p>",
    tags: ["500", "error", "outage", "status page", "troubleshooting"],
    status: 2,
    hits: 2210,
    thumbsUp: 102,
    thumbsDown: 19,
    createdDaysAgo: 395,
    updatedDaysAgo: 5,
    metaDescription: "What to do when Larkspur shows 500 errors or won't load.",
  },
  {
    folder: "troubleshooting",
    title: "Mobile app not syncing",
    html:
      "<p>The Larkspur mobile app works offline and syncs when it regains a connection. If changes don't appear on other devices:</p>" +
      "<ul><li>Pull down on the schedule to force a sync and check the banner for errors.</li>" +
      "<li>Make sure you're on version 4.12 or later; older versions can't sync shift swaps.</li>" +
      "<li>Sign out and back in if the app says your session expired.</li></ul>" +
      "<p>If it still doesn't sync, go to <strong>Profile → Help → Send diagnostics</strong> and mention the diagnostics code in your ticket.</p>",
    tags: ["mobile", "ios", "android", "sync", "troubleshooting"],
    status: 2,
    type: 2,
    hits: 389,
    thumbsUp: 14,
    thumbsDown: 8,
    createdDaysAgo: 200,
    updatedDaysAgo: 33,
    metaDescription: "Fix the Larkspur mobile app when changes don't sync.",
  },
];
