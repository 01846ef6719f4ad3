import type { ArticleSpec } from "./article-spec.ts";

export const ACCOUNT_ARTICLES: ArticleSpec[] = [
  {
    folder: "signInSecurity",
    title: "Resetting your password",
    html:
      "<p>On the sign-in page, click <strong>Forgot password?</strong>, enter your work email and we'll send a reset link that is valid for 60 minutes.</p>" +
      "<h3>The reset email doesn't arrive</h3>" +
      "<ul><li>Check your spam or quarantine folder for a message from <code>no-reply@larkspur.example</code>.</li>" +
      "<li>Make sure you're using the email your workspace invited, not a personal address.</li>" +
      "<li>If your company signs in with SSO, password reset is disabled: sign in through your identity provider instead.</li>" +
      "<li>Corporate mail filters sometimes hold our emails for a few minutes; wait 10 minutes before requesting another link, because each new link invalidates the previous one.</li></ul>" +
      "<p>Still stuck? A workspace admin can send you a fresh invitation from <strong>Settings → Members</strong>, or open a ticket and we'll verify your identity and reset it for you.</p>",
    tags: ["password", "reset", "login", "email"],
    status: 2,
    hits: 3120,
    thumbsUp: 141,
    thumbsDown: 33,
    createdDaysAgo: 400,
    updatedDaysAgo: 20,
    metaDescription: "Reset your Larkspur password and what to do when the reset email doesn't arrive.",
  },
  {
    folder: "signInSecurity",
    title: "Setting up two-factor authentication (2FA)",
    html:
      "<p>Two-factor authentication adds a one-time code from an authenticator app to your sign-in.</p>" +
      "<ol><li>Open <strong>Profile → Security</strong> and click <strong>Enable 2FA</strong>.</li>" +
      "<li>Scan the QR code with an authenticator app such as 1Password, Google Authenticator or Authy.</li>" +
      "<li>Enter the 6-digit code to confirm, then store your 10 recovery codes somewhere safe.</li></ol>" +
      "<h3>Lost your phone?</h3>" +
      "<p>Sign in with one of your recovery codes and set up 2FA again. Without recovery codes, a workspace admin can reset 2FA for you from <strong>Settings → Members</strong>; for the account owner, contact support from your registered email address.</p>" +
      "<p>Admins on the Business plan can require 2FA for every member under <strong>Settings → Security</strong>.</p>",
    tags: ["2fa", "two-factor", "security", "login"],
    status: 2,
    hits: 1077,
    thumbsUp: 53,
    thumbsDown: 5,
    createdDaysAgo: 390,
    updatedDaysAgo: 66,
    metaDescription: "Turn on two-factor authentication and recover access if you lose your device.",
  },
  {
    folder: "signInSecurity",
    title: "Configuring SAML single sign-on (SSO)",
    html:
      "<p>Business and Enterprise workspaces can sign in through Okta, Microsoft Entra ID, Google Workspace or any SAML 2.0 identity provider.</p>" +
      "<ol><li>In Larkspur, open <strong>Settings → Security → Single sign-on</strong> and copy the <strong>ACS URL</strong> and <strong>Entity ID (audience)</strong>.</li>" +
      "<li>Create a SAML app in your identity provider and paste both values exactly as shown.</li>" +
      "<li>Upload your provider's metadata XML (or enter its SSO URL and signing certificate) in Larkspur.</li>" +
      "<li>Click <strong>Test sign-in</strong> before you enforce SSO for everyone.</li></ol>" +
      "<h3>Common errors</h3>" +
      "<ul><li><strong>Invalid audience</strong>: the Entity ID in your identity provider doesn't match the one shown in Larkspur. It changed when workspaces moved to the new domain, so older setups need updating.</li>" +
      "<li><strong>Signature validation failed</strong>: your provider rotated its signing certificate; upload the new one.</li>" +
      "<li><strong>User not provisioned</strong>: the person isn't assigned to the Larkspur app in your identity provider.</li></ul>",
    tags: ["sso", "saml", "okta", "login", "security"],
    status: 2,
    hits: 845,
    thumbsUp: 47,
    thumbsDown: 11,
    createdDaysAgo: 330,
    updatedDaysAgo: 8,
    metaDescription: "Set up SAML SSO with Okta, Entra ID or Google and fix common SSO errors.",
  },
  {
    folder: "accountManagement",
    title: "Deleting your account and data",
    html:
      "<p>The account owner can permanently delete a workspace from <strong>Settings → Workspace → Delete workspace</strong>. Before you do, export anything you want to keep (see <em>Exporting your data</em>).</p>" +
      "<p>Deletion removes all projects, schedules, timesheets, files and member accounts. It is irreversible after a 7-day grace period, during which you can ask us to restore the workspace.</p>" +
      "<h3>Data protection requests</h3>" +
      "<p>Under GDPR and similar laws you can ask us to delete the personal data we hold about you, even if you're not the account owner. Open a ticket from the email address concerned with the subject <em>Data deletion request</em>; we confirm within 72 hours and complete the request within 30 days. Backups are purged on their normal 35-day cycle.</p>",
    tags: ["delete account", "gdpr", "privacy", "data"],
    status: 2,
    hits: 512,
    thumbsUp: 29,
    thumbsDown: 3,
    createdDaysAgo: 345,
    updatedDaysAgo: 52,
    metaDescription: "Delete a Larkspur workspace or request deletion of your personal data.",
  },
  {
    folder: "accountManagement",
    title: "Transferring workspace ownership",
    html:
      "<p>Only the current owner can hand the workspace over. Open <strong>Settings → Members</strong>, find the new owner (they must already be an admin) and choose <strong>Make owner</strong>.</p>" +
      "<p>The new owner receives billing emails from the next invoice onwards. If the previous owner has left your company and can't do this, open a ticket from another admin's account and attach a short authorisation on company letterhead.</p>",
    tags: ["owner", "admin", "account"],
    status: 2,
    hits: 298,
    thumbsUp: 17,
    thumbsDown: 2,
    createdDaysAgo: 250,
    updatedDaysAgo: 110,
    metaDescription: "Make someone else the owner of your Larkspur workspace.",
  },
];
