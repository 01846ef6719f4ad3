// The knowledge base (§6) and canned responses of the seeded IT service desk.
import type { SeedClock } from "../../sandbox/seed/clock.ts";
import { htmlToText, paragraphsToHtml } from "../../sandbox/seed/html.ts";
import { CANNED_BASE, KB_BASE, WORKSPACE_ID } from "./ids.ts";
import { agentIdByName } from "./org.ts";
import type {
  FsCannedResponse,
  FsCannedResponseFolder,
  FsSolutionArticle,
  FsSolutionCategory,
  FsSolutionFolder,
} from "./types.ts";

type FolderSpec = { name: string; description: string; visibility: number; articles: ArticleSpec[] };
type ArticleSpec = {
  title: string;
  body: string;
  keywords: string[];
  draft?: boolean;
  workaround?: boolean;
  author?: string;
};

const KB: { name: string; description: string; folders: FolderSpec[] }[] = [
  {
    name: "IT Self-Help",
    description: "Fix common problems yourself before raising a ticket.",
    folders: [
      {
        name: "Laptops & Hardware",
        description: "Laptops, monitors, docks and phones.",
        visibility: 1,
        articles: [
          {
            title: "My laptop won't boot or turn on",
            keywords: ["laptop", "boot", "power", "black screen", "mac", "windows"],
            body: 'If your laptop shows a black screen or does not turn on:\n\n1. Plug in the original charger and wait 15 minutes; a fully drained battery needs time before it starts.\n2. Hold the power button for 10 seconds to force it off, then press it once.\n3. Mac: reset the SMC by holding Shift + Control + Option + power for 10 seconds (Intel) or simply hold power for 10 seconds (Apple silicon). Windows: disconnect the dock and all USB devices and try again.\n4. If you see a folder with a question mark (Mac) or "No bootable device" (Windows), do not keep retrying: raise a ticket with your laptop\'s asset tag (LAP-…) so the Hardware team can swap or re-image it.\n\nA loaner laptop is available at the Service Desk on floor 2 the same day.',
            author: "Hannah",
          },
          {
            title: "External monitor not detected through the dock",
            keywords: ["monitor", "dock", "display", "screen", "usb-c", "hdmi"],
            body: "1. Check that the dock's own power adapter is connected; USB-C docks cannot drive monitors on laptop power alone.\n2. Unplug the USB-C cable from the laptop, wait 10 seconds and plug it back in.\n3. Windows: press Win + P and choose Extend. Mac: System Settings › Displays › Arrange.\n4. Try the monitor's other input (HDMI/DisplayPort) and its input-select button.\n\nIf the monitor stays black on two different laptops it is faulty: raise a ticket with the monitor's asset tag (MON-…).",
            author: "Kenji",
          },
          {
            title: "Requesting new hardware or a replacement",
            keywords: ["new laptop", "replacement", "hardware request", "monitor", "headset"],
            body: "New equipment is requested from the Service Catalog, not by email. Pick the item (laptop, monitor, headset, dock, phone), say who it is for and why. Requests need your manager's approval; standard items ship within 3 business days.\n\nReplacements for broken equipment are incidents: raise a ticket and name the asset tag.",
          },
          {
            title: 'Printer jams and "printer offline" errors',
            keywords: ["printer", "offline", "jam", "print queue"],
            body: "Clear the jam following the diagram inside the printer's front panel. If your computer says the printer is offline, remove it under Printers & Scanners and add it again from \\\\print01. Follow-Me printing: badge in at any floor printer to release your job.",
          },
        ],
      },
      {
        name: "Network & VPN",
        description: "Wi-Fi, VPN and connectivity.",
        visibility: 1,
        articles: [
          {
            title: "Connecting to the VPN with GlobalProtect",
            keywords: ["vpn", "globalprotect", "remote", "portal", "connect"],
            body: '1. Open GlobalProtect and enter the portal vpn.acme-corp.com.\n2. Sign in with your network account and approve the MFA prompt.\n3. If it keeps saying "Connecting…", quit GlobalProtect, switch networks (e.g. phone hotspot) and retry; hotel and café Wi-Fi often block VPN.\n4. "Gateway not responding": check status.acme-corp.com for an outage before raising a ticket.',
          },
          {
            title: "Office Wi-Fi keeps dropping",
            keywords: ["wifi", "wi-fi", "wireless", "disconnect", "slow"],
            body: "Use the ACME-CORP network, not ACME-GUEST. Forget the network and join again with your network credentials. If several people in the same area lose Wi-Fi at once, report it as an outage with the floor and room so the Network team can check the access point.",
          },
          {
            title: "Workaround: DNS names not resolving on VPN",
            keywords: ["dns", "vpn", "intranet", "resolve", "name"],
            workaround: true,
            body: "While we fix split-DNS on the new gateway, run `ipconfig /flushdns` (Windows) or `sudo dscacheutil -flushcache` (Mac) after connecting. Internal sites then resolve normally.",
          },
        ],
      },
      {
        name: "Accounts & Access",
        description: "Passwords, MFA and permissions.",
        visibility: 1,
        articles: [
          {
            title: "Reset your password or unlock your account",
            keywords: ["password", "reset", "locked out", "account lockout", "sspr"],
            body: "Go to passwordreset.acme-corp.com, enter your work email and verify with your MFA method. Accounts lock for 30 minutes after 5 wrong attempts; the reset unlocks them immediately. Remember to update the saved password on your phone's mail app too, or it will lock you out again.",
          },
          {
            title: "Setting up or moving multi-factor authentication (MFA)",
            keywords: ["mfa", "authenticator", "new phone", "2fa", "token"],
            body: "Got a new phone? Before wiping the old one, open aka.ms/mysecurityinfo and add the new device. If the old phone is already gone, raise a ticket: the Access Management team verifies your identity by video call and issues a temporary access pass.",
          },
          {
            title: "Getting access to a shared drive or distribution list",
            keywords: ["shared drive", "permissions", "access", "folder", "distribution list"],
            body: 'Request access from the Service Catalog item "Access to a shared drive" and name the folder path. The folder owner approves; access appears within an hour of approval (sign out and in again).',
          },
        ],
      },
      {
        name: "Software",
        description: "Microsoft 365, business applications and installs.",
        visibility: 1,
        articles: [
          {
            title: 'Outlook not syncing or stuck on "Updating"',
            keywords: ["outlook", "email", "sync", "mailbox", "offline"],
            body: "1. Check File › Work Offline is off.\n2. Quit Outlook, then start it again.\n3. Web access (outlook.office.com) works? Then recreate the profile: Control Panel › Mail › Show Profiles › Add.\n4. Mailbox full warnings: archive old mail; the limit is 100 GB.",
          },
          {
            title: "Installing software from Company Portal / Self Service",
            keywords: ["install", "software", "company portal", "self service", "license"],
            body: "Approved software installs without admin rights: Windows uses Company Portal, Mac uses Self Service. Anything not listed needs a Service Catalog request; paid software needs a licence approved by your manager.",
          },
          {
            title: "Teams calls: no audio or camera",
            keywords: ["teams", "audio", "microphone", "camera", "headset", "zoom"],
            body: "In Teams, Settings › Devices: pick your headset for speaker and microphone. On Mac allow Teams under System Settings › Privacy › Microphone and Camera, then restart Teams.",
          },
          {
            title: "Salesforce login loops back to the sign-in page",
            keywords: ["salesforce", "sso", "login", "loop"],
            draft: true,
            body: "Clear cookies for acme.my.salesforce.com and sign in through the SSO tile on myapps. Draft: waiting for the Applications team to confirm the root cause.",
          },
        ],
      },
    ],
  },
  {
    name: "Security",
    description: "Staying safe: phishing, lost devices and data protection.",
    folders: [
      {
        name: "Security Awareness",
        description: "What to do when something looks wrong.",
        visibility: 2,
        articles: [
          {
            title: "How to report a phishing email",
            keywords: ["phishing", "suspicious email", "scam", "report"],
            body: "Do not click links or open attachments. Use the Report Phish button in Outlook, or forward the email as an attachment to security@acme-corp.com. If you already entered your password, reset it now and raise an urgent ticket.",
          },
          {
            title: "Lost or stolen laptop or phone",
            keywords: ["lost", "stolen", "laptop", "phone", "wipe"],
            body: "Report it immediately by phone to the Service Desk (ext. 4357) or a ticket marked urgent, with the asset tag if you know it. Security locks and remotely wipes the device and rotates your credentials.",
          },
          {
            title: "Encrypting files before sharing externally",
            keywords: ["encrypt", "share", "external", "data"],
            draft: true,
            body: "Draft: guidance on using sensitivity labels when sharing outside the company.",
          },
        ],
      },
    ],
  },
  {
    name: "Internal Runbooks",
    description: "Agents only.",
    folders: [
      {
        name: "Service Desk Runbooks",
        description: "How the service desk handles common requests.",
        visibility: 3,
        articles: [
          {
            title: "Runbook: re-imaging a laptop that will not boot",
            keywords: ["reimage", "laptop", "boot", "intune", "jamf"],
            body: "Confirm the asset tag and user. Back up via OneDrive status check. Mac: Jamf › erase and reinstall. Windows: Autopilot reset from Intune. Hand out a loaner while the device is re-imaged; update the asset's state.",
            author: "Hannah",
          },
          {
            title: "Runbook: new-hire account provisioning",
            keywords: ["new hire", "onboarding", "account", "provisioning"],
            draft: true,
            body: "Draft: create the account from the HR feed, add licences by department, order the standard laptop bundle.",
          },
        ],
      },
    ],
  },
];

export type KnowledgeBase = {
  categories: FsSolutionCategory[];
  folders: FsSolutionFolder[];
  articles: FsSolutionArticle[];
};

export function buildKnowledgeBase(clock: SeedClock): KnowledgeBase {
  const kb: KnowledgeBase = { categories: [], folders: [], articles: [] };
  let next = KB_BASE;
  KB.forEach((category, categoryIndex) => {
    const categoryId = ++next;
    kb.categories.push({
      id: categoryId,
      name: category.name,
      description: category.description,
      position: categoryIndex + 1,
      default_category: false,
      workspace_id: WORKSPACE_ID,
      created_at: clock.ago({ days: 600 - categoryIndex }),
      updated_at: clock.ago({ days: 40 - categoryIndex }),
    });
    category.folders.forEach((folder, folderIndex) => {
      const folderId = ++next;
      kb.folders.push({
        id: folderId,
        name: folder.name,
        description: folder.description,
        position: folderIndex + 1,
        default_folder: false,
        category_id: categoryId,
        visibility: folder.visibility,
        workspace_id: WORKSPACE_ID,
        created_at: clock.ago({ days: 590 - folderIndex }),
        updated_at: clock.ago({ days: 30 - folderIndex }),
      });
      folder.articles.forEach((article, articleIndex) => {
        const id = ++next;
        const description = paragraphsToHtml(article.body);
        kb.articles.push({
          id,
          title: article.title,
          description,
          description_text: htmlToText(description),
          status: article.draft ? 1 : 2,
          article_type: article.workaround ? 2 : 1,
          folder_id: folderId,
          category_id: categoryId,
          position: articleIndex + 1,
          approval_status: null,
          thumbs_up: article.draft ? 0 : 3 + ((id * 7) % 40),
          thumbs_down: article.draft ? 0 : (id * 3) % 5,
          views: article.draft ? 0 : 50 + ((id * 37) % 900),
          agent_id: agentIdByName(article.author ?? "Priya"),
          keywords: article.keywords,
          tags: [],
          url: article.draft ? null : `https://acme.freshservice.com/support/solutions/articles/${id}`,
          review_date: null,
          inserted_into_tickets: article.draft ? 0 : (id * 11) % 60,
          workspace_id: WORKSPACE_ID,
          created_at: clock.ago({ days: 400 - articleIndex * 13 }),
          updated_at: clock.ago({ days: 20 + articleIndex }),
        });
      });
    });
  });
  return kb;
}

const CANNED: { folder: string; type: "personal" | "shared"; responses: [string, string][] }[] = [
  {
    folder: "General",
    type: "shared",
    responses: [
      [
        "Acknowledge and investigating",
        "Hi {{ticket.requester.name}},\n\nThanks for reaching out. We have picked up your ticket {{ticket.id}} and are looking into it now. We will update you within the next business hour.\n\nIT Service Desk",
      ],
      [
        "Need more information",
        "Hi {{ticket.requester.name}},\n\nTo help you faster, could you send a screenshot of the error and the asset tag on the bottom of your device (it starts with LAP-, MON- or PHN-)?\n\nIT Service Desk",
      ],
      [
        "Resolved - please confirm",
        "Hi {{ticket.requester.name}},\n\nWe believe this is fixed. If anything is still not working just reply to this email and the ticket reopens automatically.\n\nIT Service Desk",
      ],
    ],
  },
  {
    folder: "Hardware",
    type: "shared",
    responses: [
      [
        "Loaner laptop available",
        "Hi {{ticket.requester.name}},\n\nWhile we repair your laptop, a loaner is ready for you at the Service Desk on floor 2. Bring your badge; your files are in OneDrive.\n\nHardware team",
      ],
      [
        "Hardware swap scheduled",
        "Hi {{ticket.requester.name}},\n\nWe have scheduled a replacement. A technician will bring the new device to your desk and move your data across.\n\nHardware team",
      ],
    ],
  },
  {
    folder: "Access",
    type: "shared",
    responses: [
      [
        "Password reset instructions",
        "Hi {{ticket.requester.name}},\n\nYou can reset your password yourself at passwordreset.acme-corp.com; it also unlocks your account. Remember to update the password on your phone.\n\nAccess Management",
      ],
      [
        "Access request needs manager approval",
        "Hi {{ticket.requester.name}},\n\nThis access needs your manager's approval. We have sent them an approval request and will grant access as soon as they approve.\n\nAccess Management",
      ],
    ],
  },
];

export function buildCannedResponses(clock: SeedClock): {
  folders: FsCannedResponseFolder[];
  responses: FsCannedResponse[];
} {
  const folders: FsCannedResponseFolder[] = [];
  const responses: FsCannedResponse[] = [];
  let next = CANNED_BASE;
  CANNED.forEach((folder, folderIndex) => {
    const folderId = ++next;
    folders.push({
      id: folderId,
      name: folder.folder,
      type: folder.type,
      responses_count: folder.responses.length,
      workspace_id: WORKSPACE_ID,
      created_at: clock.ago({ days: 500 - folderIndex }),
      updated_at: clock.ago({ days: 50 - folderIndex }),
    });
    folder.responses.forEach(([title, content], index) => {
      const html = paragraphsToHtml(content);
      responses.push({
        id: ++next,
        title,
        folder_id: folderId,
        content,
        content_html: html,
        workspace_id: WORKSPACE_ID,
        attachments: [],
        created_at: clock.ago({ days: 480 - index }),
        updated_at: clock.ago({ days: 45 - index }),
      });
    });
  });
  return { folders, responses };
}
