/**
 * Which of the requester's assets a ticket is about: "my laptop won't boot" is about the laptop
 * assigned to them. Matched on what the ticket names: an asset's tag, its name, or its kind
 * (laptop, monitor, phone, …) by the words people use for it. Only the requester's own assets are
 * considered, so a name shared across the company cannot point at someone else's device.
 */

export type RequesterAsset = {
  displayId: number;
  name: string;
  /** The asset type's name ("Laptop", "Monitor"), when known. */
  typeName?: string | undefined;
  assetTag?: string | undefined;
};

export type MentionedAsset = RequesterAsset & { why: string };

/** Kinds of device and the words that name them; the first word is the kind's own name. */
const KINDS: ReadonlyArray<readonly string[]> = [
  [
    "laptop",
    "laptops",
    "notebook",
    "macbook",
    "thinkpad",
    "latitude",
    "elitebook",
    "chromebook",
    "xps",
    "zenbook",
  ],
  ["desktop", "desktops", "workstation", "imac", "optiplex", "pc", "tower"],
  // Monitor product lines often carry no "monitor" in their name.
  ["monitor", "monitors", "ultrasharp", "ultrawide", "ultrafine", "proart"],
  ["phone", "phones", "mobile", "iphone", "smartphone", "android", "pixel", "galaxy", "cellphone"],
  ["tablet", "tablets", "ipad"],
  ["printer", "printers"],
  ["headset", "headsets", "headphones", "earbuds", "airpods"],
  ["keyboard", "keyboards"],
  ["mouse", "mice", "trackpad"],
  ["dock", "docking", "dockingstation"],
  ["webcam", "camera"],
];
/**
 * Words that name a monitor only when the ticket names no device: "the screen stays black" in a
 * ticket about a laptop is the laptop's screen.
 */
const WEAK_MONITOR = new Set(["screen", "screens", "display", "displays"]);
/** Words that name any computer: they match a laptop or a desktop. */
const ANY_COMPUTER = new Set(["computer", "computers", "machine"]);

const MAX_MENTIONED = 3;

export function assetsMentioned(text: string, assets: readonly RequesterAsset[]): MentionedAsset[] {
  if (assets.length === 0) return [];
  const lower = text.toLowerCase();
  const words = new Set(lower.split(/[^a-z0-9]+/).filter(Boolean));
  const ticketKinds = new Set(KINDS.filter((kind) => kind.some((w) => words.has(w))).map((kind) => kind[0]!));
  if (ticketKinds.size === 0 && [...WEAK_MONITOR].some((w) => words.has(w))) ticketKinds.add("monitor");
  const mentionsComputer = [...ANY_COMPUTER].some((w) => words.has(w));

  const found: MentionedAsset[] = [];
  for (const asset of assets) {
    const why = matchReason(asset, lower, words, ticketKinds, mentionsComputer);
    if (why) found.push({ ...asset, why });
  }
  // Named outright beats named by kind.
  const rank = (m: MentionedAsset) => (m.why.startsWith("mentions its") ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b) || a.displayId - b.displayId).slice(0, MAX_MENTIONED);
}

function matchReason(
  asset: RequesterAsset,
  lower: string,
  words: ReadonlySet<string>,
  ticketKinds: ReadonlySet<string>,
  mentionsComputer: boolean,
): string | undefined {
  const tag = asset.assetTag?.trim().toLowerCase();
  if (tag && tag.length >= 3 && lower.includes(tag))
    return `mentions its asset tag ${asset.assetTag!.trim()}`;
  const name = asset.name.trim().toLowerCase();
  if (name.length >= 4 && lower.includes(name)) return "mentions its name";
  const assetWords = new Set(`${asset.typeName ?? ""} ${asset.name}`.toLowerCase().split(/[^a-z0-9]+/));
  for (const kind of KINDS) {
    if (!ticketKinds.has(kind[0]!) || !kind.some((w) => assetWords.has(w))) continue;
    const said = kind.find((w) => words.has(w)) ?? [...WEAK_MONITOR].find((w) => words.has(w)) ?? kind[0]!;
    return `the ticket mentions a ${said}`;
  }
  const isComputer = [KINDS[0]!, KINDS[1]!].some((kind) => kind.some((w) => assetWords.has(w)));
  if (mentionsComputer && isComputer) {
    return "the ticket mentions a computer";
  }
  return undefined;
}
