import { describe, expect, it } from "vitest";
import type { SandboxCall } from "../../bench/support/sandbox-calls.ts";
import { freshserviceBucketPeaks, peakPerWindow, routeKeyOf } from "../../bench/support/window-peaks.ts";

const call = (at: number, method: string, path: string, status = 200, query = ""): SandboxCall => ({
  at,
  method,
  path,
  query,
  status,
});

describe("peakPerWindow", () => {
  it("finds the busiest window of any alignment, not only windows starting at the first call", () => {
    // Fixed windows from t=0 hold 3 and 3; the window starting at 40 s holds 5.
    const calls = [0, 10_000, 40_000, 50_000, 61_000, 70_000, 90_000].map((at) => ({ at, credits: 1 }));
    expect(peakPerWindow(calls, 60_000)).toEqual({ credits: 5, from: 40_000 });
  });

  it("keeps a call exactly one window later out of the window", () => {
    const calls = [
      { at: 0, credits: 2 },
      { at: 60_000, credits: 3 },
    ];
    expect(peakPerWindow(calls, 60_000)).toEqual({ credits: 3, from: 60_000 });
    expect(peakPerWindow(calls, 60_001).credits).toBe(5);
  });

  it("is zero when nothing was charged", () => {
    expect(peakPerWindow([{ at: 5, credits: 0 }], 60_000)).toEqual({ credits: 0, from: undefined });
  });
});

describe("freshserviceBucketPeaks", () => {
  it("charges each call by the Freshservice sandbox's rules and splits the sub-limits", () => {
    expect(routeKeyOf("POST", "/tickets/12/notes")).toBe("POST /tickets/:id/notes");
    const peaks = freshserviceBucketPeaks(
      [
        // View with two includes: 3 credits, view/write bucket.
        call(0, "GET", "/tickets/12", 200, "include=requester,conversations"),
        call(1_000, "PUT", "/tickets/12"),
        call(2_000, "POST", "/tickets/12/notes"),
        call(3_000, "GET", "/tickets"),
        call(4_000, "GET", "/assets", 200, "filter=%22user_id%3A5%22"),
        // Refused: charges nothing.
        call(5_000, "GET", "/agents", 429),
        call(6_000, "GET", "/departments"),
      ],
      60_000,
    );
    expect(peaks.overall.credits).toBe(3 + 1 + 1 + 1 + 1 + 1);
    expect(peaks.view_write.credits).toBe(4);
    expect(peaks.list.credits).toBe(2);
  });
});
