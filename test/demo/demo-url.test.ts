import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/service.ts";

const run = promisify(execFile);

describe("npm run demo", () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ SANDBOX_AUTOMATIONS: "on" });
  });
  afterAll(async () => t.stop());

  it("uses the service listening on PORT rather than starting its own", async () => {
    const port = new URL(t.url).port;
    const { stdout } = await run(process.execPath, ["src/demo/main.ts"], {
      env: { ...process.env, PORT: port },
      timeout: 60_000,
    });
    expect(stdout).not.toContain("starting one for this demo");
    expect(stdout).toContain(`${t.url}/sandbox/api/v2/tickets/<id>/conversations`);
  });
});
