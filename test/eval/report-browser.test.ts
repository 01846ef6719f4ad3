import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { CHROMIUM_MISSING_HELP, findChromium } from "../../scripts/ensure-chromium.ts";
import { crossValidate } from "../../src/eval/evaluate.ts";
import { allFieldFigures } from "../../src/eval/figures.ts";
import { htmlReport } from "../../src/eval/report-html.ts";
import type { EvalSummary } from "../../src/eval/summary.ts";
import { generatedTickets } from "../learning/generated-tickets.ts";

const executablePath = findChromium();
const dir = mkdtempSync(join(tmpdir(), "eval-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!executablePath)(
  executablePath ? "eval's HTML report in Chromium" : `browser test skipped: ${CHROMIUM_MISSING_HELP}`,
  () => {
    it("renders every chart offline, loading nothing but the file itself", async () => {
      const rows = generatedTickets(200).map((ticket, i) => ({ row: i, line: i + 1, ticket }));
      const run = await crossValidate(rows, {
        folds: 2,
        targetPrecision: 0.9,
        applyUnmeasured: false,
        seed: 1,
        llmCalibrationRows: 0,
        similarK: 0,
      });
      const fields = allFieldFigures(rows, run.outcomes, run.thresholds);
      const summary: EvalSummary = {
        data: {
          file: "generated <tickets>.jsonl",
          format: "jsonl",
          records: 200,
          usable: 200,
          skipped: [],
          warnings: [],
        },
        mode: "folds",
        folds: 2,
        engine: "local",
        targetPrecision: 0.9,
        applyUnmeasured: false,
        fields,
        evaluated: fields.map((f) => f.field),
        durationSeconds: 1,
      };
      const path = join(dir, "report.html");
      writeFileSync(path, htmlReport(summary));

      const browser = await chromium.launch({
        executablePath,
        headless: true,
        args: ["--no-sandbox", "--disable-gpu"],
      });
      try {
        const page = await browser.newPage();
        const requested: string[] = [];
        page.on("request", (request) => {
          if (!request.url().startsWith("file:")) requested.push(request.url());
        });
        await page.goto(`file://${path}`);
        expect(await page.title()).toBe("Triage evaluation: generated <tickets>.jsonl");
        const charts = page.locator("svg");
        expect(await charts.count()).toBe(9); // three charts for each of the three fields
        for (const box of await charts.evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect()))) {
          expect(box.width).toBeGreaterThan(100);
          expect(box.height).toBeGreaterThan(100);
        }
        // The precision/coverage line and the heatmap cells are drawn, not just the axes.
        expect(await page.locator("svg path[d^='M']").count()).toBe(3);
        expect(await page.locator("svg rect").count()).toBeGreaterThan(16);
        expect(requested).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  },
);
