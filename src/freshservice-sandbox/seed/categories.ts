// The account's 3-level category tree (category › sub_category › item_category), as the
// `default_category` ticket form field carries it (§3: choices with nested_options).

/** Level 1 → level 2 → level-3 values. */
export const CATEGORY_TREE = {
  Hardware: {
    Computer: ["Mac", "Windows Laptop", "Desktop"],
    Peripherals: ["Monitor", "Docking Station", "Keyboard & Mouse", "Headset"],
    "Mobile Device": ["iPhone", "Android"],
    Printer: ["Office Printer", "Scanner"],
  },
  Network: {
    "Wi-Fi": ["Office Wi-Fi", "Guest Wi-Fi"],
    VPN: ["GlobalProtect", "Site-to-Site"],
    Connectivity: ["Wired Ethernet", "DNS", "Internet Outage"],
  },
  Software: {
    Productivity: ["Outlook", "Teams", "Excel", "OneDrive"],
    "Business Apps": ["Salesforce", "SAP", "Jira", "Zoom"],
    Installation: ["New Software", "License"],
    "Operating System": ["macOS Update", "Windows Update"],
  },
  Access: {
    Account: ["Password Reset", "Account Lockout", "MFA"],
    Permissions: ["Shared Drive", "Application Access", "Distribution List"],
    "Joiners & Leavers": ["New Hire", "Offboarding"],
  },
  Security: {
    Threat: ["Phishing", "Malware"],
    "Data Protection": ["Lost Device", "Data Leak"],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

export type Category = keyof typeof CATEGORY_TREE;
export type CategoryPath = { category: string; sub_category: string | null; item_category: string | null };

/** True when the three levels name a path of the tree (a shorter path is allowed). */
export function isCategoryPath(path: CategoryPath): boolean {
  const level2 = (CATEGORY_TREE as Record<string, Record<string, readonly string[]>>)[path.category];
  if (!level2) return false;
  if (path.sub_category === null) return path.item_category === null;
  const level3 = level2[path.sub_category];
  if (!level3) return false;
  return path.item_category === null || level3.includes(path.item_category);
}
