import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startTestService, type TestService } from "../support/service.ts";

describe("sign-in throttling", { timeout: 30_000 }, () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ SANDBOX_AUTOMATIONS: "off" }, { web: true, worker: false });
  });
  afterAll(async () => svc.stop());

  const signIn = (token: string) =>
    fetch(`${svc.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: svc.url },
      body: new URLSearchParams({ token, next: "/" }),
    });

  it("lets right tokens in freely but stops guessing after ten failures a minute, right guess included", async () => {
    // The budget is a fixed one-minute window: start well inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    for (let i = 0; i < 3; i++) expect((await signIn(ADMIN_TOKEN)).status).toBe(303);
    for (let i = 0; i < 10; i++) expect((await signIn(`guess-${i}-0123456789`)).status).toBe(401);
    const refused = await signIn("guess-10-0123456789");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many failed sign-ins");
    const rightButLate = await signIn(ADMIN_TOKEN);
    expect(rightButLate.status).toBe(429);
    expect(rightButLate.headers.get("set-cookie")).toBeNull();
  });
});
