import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_MISSING_HELP, findChromium } from "../../scripts/ensure-chromium.ts";
import { startTestService, type TestService } from "../support/service.ts";
import {
  authorizeUrl,
  pkcePair,
  registerClient,
  type SandboxAgent,
  sandboxAgents,
  tokenRequest,
} from "./support/consent.ts";

const executablePath = findChromium();
if (!executablePath && process.env.REQUIRE_BROWSER_TESTS) throw new Error(CHROMIUM_MISSING_HELP);

/**
 * The consent page in a real browser: paste the key, see who you are, approve, and land on the
 * client's redirect URI with a code (a loopback listener stands in for the MCP client). The
 * page's form-action policy has to allow that redirect, which only a browser checks.
 */
describe.skipIf(!executablePath)(
  executablePath ? "OAuth consent page in Chromium" : `browser tests skipped: ${CHROMIUM_MISSING_HELP}`,
  () => {
    let svc: TestService;
    let agent: SandboxAgent;
    let callback: Server;
    let callbackUrl: string;
    let context: BrowserContext;
    let page: Page;
    let userDataDir: string;

    beforeAll(async () => {
      svc = await startTestService({}, { web: true, worker: false });
      const agents = await sandboxAgents(svc.url, svc.config.sandbox.apiKey);
      agent = agents.find((a) => a.roles.includes("Account Administrator"))!;
      callback = createServer((_request, response) => {
        response.writeHead(200, { "Content-Type": "text/html" });
        response.end("<h1>Signed in; you can close this tab.</h1>");
      });
      await new Promise<void>((resolve) => callback.listen(0, "127.0.0.1", resolve));
      callbackUrl = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/callback`;
      userDataDir = mkdtempSync(join(tmpdir(), "oauth-chromium-"));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless: true,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
        ],
      });
      await context.route("**/*", (route) => {
        const { hostname } = new URL(route.request().url());
        return hostname === "127.0.0.1" ? route.continue() : route.abort();
      });
      page = context.pages()[0] ?? (await context.newPage());
    });

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      await new Promise<void>((resolve) => (callback ? callback.close(() => resolve()) : resolve()));
      await svc?.stop();
    });

    it("signs in with the pasted key, shows who it is, and returns to the client with a code", async () => {
      const registered = await registerClient(svc.url, {
        client_name: "Browser Test Client",
        redirect_uris: [callbackUrl],
        token_endpoint_auth_method: "none",
      });
      const clientId = registered.body.client_id as string;
      const { verifier, challenge } = pkcePair();
      await page.goto(
        authorizeUrl(svc.url, {
          client_id: clientId,
          redirect_uri: callbackUrl,
          code_challenge: challenge,
          state: "browser-state",
          scope: "read write admin",
          resource: `${svc.url}/mcp`,
        }),
      );
      expect(await page.locator("h1").textContent()).toBe("Connect Browser Test Client");
      expect(await page.locator("main").textContent()).toContain("127.0.0.1");

      await page.fill("#freshdesk_api_key", "NotTheRightKey123");
      await page.click("button[type=submit]");
      expect(await page.getByRole("alert").textContent()).toContain("did not accept that API key");

      await page.fill("#freshdesk_api_key", agent.api_key);
      await page.click("button[type=submit]");
      expect(await page.locator("h1").textContent()).toBe("Allow Browser Test Client?");
      const text = await page.locator("main").textContent();
      expect(text).toContain(agent.name);
      // The sandbox's account administrator may grant admin.
      expect(text).toContain("admin");
      expect(text).not.toContain("Not granted");

      await page.click("button[value=approve]");
      await page.waitForURL((url) => url.pathname === "/callback");
      const landed = new URL(page.url());
      expect(landed.searchParams.get("state")).toBe("browser-state");
      const code = landed.searchParams.get("code");
      expect(code).toBeTruthy();
      const tokens = await tokenRequest(svc.url, {
        grant_type: "authorization_code",
        code: code!,
        code_verifier: verifier,
        redirect_uri: callbackUrl,
        client_id: clientId,
        resource: `${svc.url}/mcp`,
      });
      expect(tokens.status).toBe(200);
      expect(String(tokens.body.scope).split(" ").sort()).toEqual(["admin", "read", "write"]);
    });
  },
);
