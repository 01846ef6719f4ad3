import { describe, expect, it } from "vitest";
import { assetsMentioned, type RequesterAsset } from "../../../src/triage/freshservice/assets.ts";

const ASSETS: RequesterAsset[] = [
  { displayId: 12, name: "MacBook Pro 14", typeName: "Laptop", assetTag: "LAP-0012" },
  { displayId: 31, name: "Dell U2720Q", typeName: "Monitor", assetTag: "MON-0031" },
  { displayId: 40, name: "iPhone 15", typeName: "Mobile Phone" },
];

describe("assetsMentioned", () => {
  it("finds the requester's laptop in 'my laptop won't boot'", () => {
    const found = assetsMentioned("My laptop won't boot since this morning", ASSETS);
    expect(found.map((a) => a.displayId)).toEqual([12]);
    expect(found[0]?.why).toBe("the ticket mentions a laptop");
  });

  it("matches a kind by the words people use, and a computer by either kind", () => {
    expect(assetsMentioned("external screen flickers", ASSETS).map((a) => a.displayId)).toEqual([31]);
    expect(
      assetsMentioned("my UltraSharp flickers", [{ displayId: 2, name: "Dell UltraSharp 27" }]),
    ).toHaveLength(1);
    expect(assetsMentioned("my computer is very slow", ASSETS).map((a) => a.displayId)).toEqual([12]);
    expect(assetsMentioned("Company mobile cannot sync mail", ASSETS).map((a) => a.displayId)).toEqual([40]);
  });

  it("prefers an asset named outright by tag or name", () => {
    const found = assetsMentioned("MON-0031 is dead, and the laptop too", ASSETS);
    expect(found.map((a) => [a.displayId, a.why])).toEqual([
      [31, "mentions its asset tag MON-0031"],
      [12, "the ticket mentions a laptop"],
    ]);
  });

  it("reads 'the screen' of a ticket about a laptop as the laptop's", () => {
    const found = assetsMentioned("My laptop won't boot, the screen stays black", ASSETS);
    expect(found.map((a) => a.displayId)).toEqual([12]);
  });

  it("finds nothing when the ticket is not about a device", () => {
    expect(assetsMentioned("Please reset my VPN password", ASSETS)).toEqual([]);
    expect(assetsMentioned("My laptop won't boot", [])).toEqual([]);
  });
});
