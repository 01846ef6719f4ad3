import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_MISSING_HELP, findChromium } from "../../scripts/ensure-chromium.ts";
import { ADMIN_TOKEN, startTestService, type TestService, waitFor } from "../support/service.ts";

const executablePath = findChromium();
if (!executablePath && process.env.REQUIRE_BROWSER_TESTS) throw new Error(CHROMIUM_MISSING_HELP);

const RESULTS_DIR = fileURLToPath(new URL("../../test-results/", import.meta.url));
const TICKETS = [
  {
    subject: "Charged twice for the March invoice",
    description: "My card shows two identical charges for this month's invoice. Please refund one of them.",
  },
  {
    subject: "Production is down, every request returns 500",
    description: "Since 09:00 every request to the app returns a 500 error. All of our users are blocked.",
  },
  {
    subject: "How do I export my timesheets?",
    description: "Where can I find the option to export all timesheets of my team as a CSV file?",
  },
];

describe.skipIf(!executablePath)(
  executablePath
    ? "activity page and queue dashboard in Chromium"
    : `browser tests skipped: ${CHROMIUM_MISSING_HELP}`,
  () => {
    let svc: TestService;
    let context: BrowserContext;
    let page: Page;
    let userDataDir: string;
    const ticketIds: number[] = [];
    const offHost: string[] = [];

    beforeAll(async () => {
      svc = await startTestService();
      for (const ticket of TICKETS)
        ticketIds.push((await svc.createTicket(ticket.subject, ticket.description)).id);
      await waitFor(async () => {
        const reports = await Promise.all(ticketIds.map((id) => svc.service.results.report(id)));
        return reports.every((report) => report?.latest);
      }, 15_000);
      await svc.queueIdle();

      userDataDir = mkdtempSync(join(tmpdir(), "triage-chromium-"));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless: true,
        viewport: { width: 1400, height: 900 },
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      // Only loopback: anything else the pages try to load is recorded and refused.
      await context.route("**/*", (route) => {
        const { hostname } = new URL(route.request().url());
        if (hostname === "127.0.0.1" || hostname === "localhost") return route.continue();
        offHost.push(route.request().url());
        return route.abort();
      });
      page = context.pages()[0] ?? (await context.newPage());
      mkdirSync(RESULTS_DIR, { recursive: true });
    });

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      await svc?.stop();
    });

    it("asks for a token, then shows the triaged tickets with their decisions", async () => {
      await page.goto(`${svc.url}/`);
      expect(new URL(page.url()).pathname).toBe("/login");
      await expect.poll(() => page.locator("h1").textContent()).toBe("Sign in");

      await page.fill("#token", "not-the-token-123");
      await page.click("button[type=submit]");
      expect(await page.getByRole("alert").textContent()).toContain("not valid");

      await page.fill("#token", ADMIN_TOKEN);
      await page.click("button[type=submit]");
      await page.waitForURL(`${svc.url}/`);
      expect(await page.locator("h1").textContent()).toBe("Triage activity");

      for (const [index, id] of ticketIds.entries()) {
        const run = (await svc.service.results.report(id))?.latest;
        const row = page.locator(`tr[data-ticket-id="${id}"]`);
        const cells = await row.locator("td").allTextContents();
        expect(cells[1]).toBe(TICKETS[index]?.subject);
        expect(cells[2]).toContain(run?.category);
        expect(cells[4]).toBe(run?.group?.name);
        expect(cells[8]).toContain("local");
        expect(await row.locator("a").first().getAttribute("href")).toBe(`/sandbox/a/tickets/${id}`);
      }
      const urgentRow = page.locator(`tr[data-ticket-id="${ticketIds[1]}"]`);
      expect(await urgentRow.locator("td").nth(3).textContent()).toBe("Urgent");
      expect(await page.getByTestId("triaged-count").textContent()).toBe(String(ticketIds.length));
      const categoryCounts = await page.locator("#by-category tbody tr").count();
      expect(categoryCounts).toBe(3);

      const screenshot = join(RESULTS_DIR, "activity-page.png");
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    });

    it("re-triages a ticket from its reprocess button", async () => {
      const id = ticketIds[2]!;
      const before = (await svc.service.results.report(id))?.latest?.jobId;
      await page.getByRole("button", { name: `Reprocess ticket ${id}` }).click();
      await page.waitForURL(`${svc.url}/?queued=${id}`);
      expect(await page.getByRole("status").textContent()).toContain(`Ticket ${id} is queued`);
      await waitFor(async () => (await svc.service.results.report(id))?.latest?.jobId !== before, 15_000);
    });

    it("shows the triage queue on the dashboard", async () => {
      await page.goto(`${svc.url}/admin/queues`);
      await page.getByText("triage", { exact: true }).first().waitFor({ timeout: 15_000 });
      // The overview has loaded once the queue's job counts are drawn.
      await page.getByText("Loading...").waitFor({ state: "detached", timeout: 15_000 });
      await page.getByText(/\d+ Jobs/).waitFor({ timeout: 15_000 });
      await page.screenshot({ path: join(RESULTS_DIR, "queue-dashboard.png") });
      expect(offHost).toEqual([]);
    });

    it("signs out", async () => {
      await page.goto(`${svc.url}/`);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${svc.url}/login`);
      await page.goto(`${svc.url}/`);
      expect(new URL(page.url()).pathname).toBe("/login");
    });
  },
);
