import { describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.ts";
import {
  FreshdeskAuthError,
  FreshdeskNotFoundError,
  FreshdeskRateLimitError,
  FreshdeskServerError,
  FreshdeskTimeoutError,
} from "../../src/freshdesk/index.ts";
import { decideFailure } from "../../workers/failure-policy.ts";

const info = { method: "GET", path: "/tickets/1" };

describe("the failure policy", () => {
  it("treats a vanished ticket as done, skipped", () => {
    expect(decideFailure(new FreshdeskNotFoundError("Ticket 1 was not found.", info))).toMatchObject({
      kind: "skip",
    });
  });

  it("fails for good on credentials or permissions, with the reason", () => {
    const decision = decideFailure(
      new FreshdeskAuthError(401, "You have to be logged in to perform this action.", info),
    );
    expect(decision.kind).toBe("fail");
    expect(decision.reason).toMatch(/credentials or permissions/);
  });

  it("turns Freshdesk's 429 into a queue-wide pause for Retry-After", () => {
    const error = new FreshdeskRateLimitError("Rate limited.", 17, info);
    expect(decideFailure(error)).toMatchObject({ kind: "rate_limit", delayMs: 17_000 });
  });

  it("retries 5xx and timeouts, and anything unexpected", () => {
    expect(decideFailure(new FreshdeskServerError(503, "Freshdesk is unavailable.", info))).toMatchObject({
      kind: "retry",
      expected: true,
    });
    expect(decideFailure(new FreshdeskTimeoutError("Timed out.", false, info))).toMatchObject({
      kind: "retry",
    });
    expect(decideFailure(new TypeError("x is undefined"))).toMatchObject({ kind: "retry", expected: false });
  });

  it("does not retry a request Freshdesk rejected as invalid", () => {
    expect(decideFailure(new BadRequestError("bad field"))).toMatchObject({ kind: "fail" });
  });
});
