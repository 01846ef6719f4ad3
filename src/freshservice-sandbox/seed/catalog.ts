// The service catalog (§3 service requests): categories and items, addressed by display_id.
import type { SeedClock } from "../../sandbox/seed/clock.ts";
import { CATALOG_BASE, WORKSPACE_ID } from "./ids.ts";
import type { FsServiceCategory, FsServiceItem } from "./types.ts";

const CATALOG: { category: string; description: string; items: [string, string, number, number][] }[] = [
  {
    category: "Hardware Provisioning",
    description: "Laptops, monitors, phones and accessories.",
    items: [
      // name, short description, cost, delivery hours
      ["MacBook Pro 14", "Standard engineering and design laptop", 2399, 72],
      ["Dell Latitude 7440", "Standard business laptop (Windows 11)", 1499, 72],
      ["Dell UltraSharp 27 Monitor", "27-inch USB-C monitor", 529, 48],
      ["Jabra Evolve2 Headset", "Noise-cancelling headset for calls", 199, 24],
      ["iPhone 15", "Company mobile phone with MDM", 799, 72],
      ["USB-C Docking Station", "Dock for one or two monitors", 249, 48],
    ],
  },
  {
    category: "Software & Licences",
    description: "Applications and licences.",
    items: [
      ["Adobe Creative Cloud", "Design suite licence", 660, 8],
      ["Microsoft Visio", "Diagramming licence", 180, 8],
      ["Jira Software seat", "Project tracking licence", 96, 4],
      ["Install approved software", "Anything from the approved software list", 0, 8],
    ],
  },
  {
    category: "Access",
    description: "Accounts, permissions and shared resources.",
    items: [
      ["Access to a shared drive", "Read or write access to a network folder", 0, 4],
      ["Add to distribution list", "Join an email distribution list", 0, 4],
      ["VPN access", "Remote access for contractors and new staff", 0, 8],
    ],
  },
  {
    category: "Joiners & Leavers",
    description: "Onboarding and offboarding.",
    items: [
      ["New hire setup", "Account, laptop bundle and licences for a new employee", 0, 120],
      ["Offboard an employee", "Disable accounts and collect equipment", 0, 24],
    ],
  },
];

export function buildServiceCatalog(clock: SeedClock): {
  categories: FsServiceCategory[];
  items: FsServiceItem[];
} {
  const categories: FsServiceCategory[] = [];
  const items: FsServiceItem[] = [];
  let displayId = 0;
  CATALOG.forEach((entry, categoryIndex) => {
    const categoryId = CATALOG_BASE + 1 + categoryIndex;
    categories.push({
      id: categoryId,
      name: entry.category,
      description: entry.description,
      position: categoryIndex + 1,
      workspace_id: WORKSPACE_ID,
      created_at: clock.ago({ days: 650 - categoryIndex }),
      updated_at: clock.ago({ days: 70 - categoryIndex }),
    });
    for (const [name, short, cost, hours] of entry.items) {
      displayId += 1;
      items.push({
        id: CATALOG_BASE + 100 + displayId,
        display_id: displayId,
        name,
        short_description: short,
        description: `<div>${short}.</div>`,
        category_id: categoryId,
        product_id: null,
        delivery_time: hours,
        cost,
        quantity: null,
        deleted: false,
        visibility: 2,
        item_type: 1,
        ci_type_id: null,
        cost_visibility: cost > 0,
        delivery_time_visibility: true,
        allow_attachments: false,
        allow_quantity: categoryIndex === 0,
        is_bundle: false,
        create_child: false,
        icon_name: categoryIndex === 0 ? "laptop" : "service",
        workspace_id: WORKSPACE_ID,
        custom_fields: [],
        created_at: clock.ago({ days: 640 - displayId }),
        updated_at: clock.ago({ days: 60 - displayId }),
      });
    }
  });
  return { categories, items };
}
