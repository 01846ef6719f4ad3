import type { ArticleSpec } from "./article-spec.ts";

export const HOW_TO_ARTICLES: ArticleSpec[] = [
  {
    folder: "teamSetup",
    title: "Inviting teammates to your workspace",
    html:
      "<p>Admins can invite people from <strong>Settings → Members → Invite</strong>. Enter one or more email addresses, pick a role and click <strong>Send invitations</strong>. Invitations expire after 7 days and can be resent from the same page.</p>" +
      "<h3>Roles</h3>" +
      "<ul><li><strong>Admin</strong>: full access, including billing and settings.</li>" +
      "<li><strong>Manager</strong>: builds schedules and approves timesheets for their teams.</li>" +
      "<li><strong>Member</strong>: sees their own shifts and logs time.</li>" +
      "<li><strong>Guest</strong>: access to selected projects only, ideal for contractors and clients. Guests are free and don't count as paid seats.</li></ul>" +
      "<p>To invite many people at once, upload a CSV with <code>email, name, role, team</code> columns using <strong>Bulk invite</strong>.</p>",
    tags: ["invite", "members", "roles", "guests", "contractors"],
    status: 2,
    hits: 1654,
    thumbsUp: 81,
    thumbsDown: 7,
    createdDaysAgo: 405,
    updatedDaysAgo: 37,
    metaDescription: "Invite teammates, pick the right role and add contractors as guests.",
  },
  {
    folder: "teamSetup",
    title: "Adding custom fields to projects and shifts",
    html:
      "<p>Custom fields let you record information Larkspur doesn't track out of the box, like a cost centre, a client PO number or a required certification.</p>" +
      "<ol><li>Go to <strong>Settings → Custom fields</strong> and choose whether the field belongs to projects, shifts or members.</li>" +
      "<li>Pick a type: text, number, date, dropdown or checkbox.</li>" +
      "<li>Optionally make it required and choose which roles can edit it.</li></ol>" +
      "<p>Custom fields appear in filters, in reports and in CSV exports. The Team plan includes 5 custom fields; Business includes unlimited fields.</p>",
    tags: ["custom fields", "projects", "settings"],
    status: 2,
    hits: 721,
    thumbsUp: 40,
    thumbsDown: 3,
    createdDaysAgo: 260,
    updatedDaysAgo: 70,
    metaDescription: "Create custom fields on projects, shifts and members.",
  },
  {
    folder: "reportsData",
    title: "Building and scheduling reports",
    html:
      "<p>The <strong>Reports</strong> tab has ready-made reports for hours worked, overtime, labour cost and attendance. Use the filters at the top to narrow by team, location, project or date range.</p>" +
      "<h3>Saving and scheduling</h3>" +
      "<p>Click <strong>Save view</strong> to keep a filtered report, then <strong>Schedule</strong> to email it as a PDF or CSV every day, week or month. Scheduled reports are sent at 07:00 in the workspace time zone.</p>" +
      "<p>Custom reports with your own columns and groupings are available on the Business plan.</p>",
    tags: ["reports", "dashboard", "overtime", "scheduling"],
    status: 2,
    hits: 980,
    thumbsUp: 45,
    thumbsDown: 10,
    createdDaysAgo: 270,
    updatedDaysAgo: 18,
    metaDescription: "Use, save and schedule Larkspur reports.",
  },
  {
    folder: "reportsData",
    title: "Exporting your data (CSV and full backup)",
    html:
      "<p>Any report or list can be exported as CSV with the <strong>Export</strong> button in its top-right corner. Exports use the columns currently shown, including custom fields.</p>" +
      "<h3>Full workspace export</h3>" +
      "<p>Admins can download everything (projects, schedules, timesheets, members and files) from <strong>Settings → Workspace → Export data</strong>. We email a download link when the archive is ready, usually within an hour; the link is valid for 7 days.</p>" +
      "<p><strong>Known issue:</strong> timesheet CSV exports created with the <em>Compact</em> layout omit the overtime column. Switch to the <em>Detailed</em> layout until the fix ships.</p>",
    tags: ["export", "csv", "backup", "timesheets", "data"],
    status: 2,
    type: 2,
    hits: 1133,
    thumbsUp: 52,
    thumbsDown: 13,
    createdDaysAgo: 330,
    updatedDaysAgo: 3,
    metaDescription: "Export reports as CSV or download a full backup of your Larkspur workspace.",
  },
  {
    folder: "reportsData",
    title: "Tracking billable hours by client",
    html:
      "<p>Mark a project as <strong>billable</strong> in its settings and set an hourly rate per project or per member. Time logged against billable projects appears in the <strong>Billable hours</strong> report, grouped by client.</p>" +
      "<p><em>Draft: screenshots still to be added for the new project settings page.</em></p>",
    tags: ["billable", "timesheets", "reports"],
    status: 1,
    hits: 0,
    thumbsUp: 0,
    thumbsDown: 0,
    createdDaysAgo: 6,
    updatedDaysAgo: 1,
    metaDescription: "Track billable time per client.",
  },
];
