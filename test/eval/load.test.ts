import { describe, expect, it } from "vitest";
import { loadCsv, loadJsonl } from "../../src/eval/load.ts";

describe("loading labelled exports", () => {
  it("CSV: a record with the wrong number of fields is skipped and named by line; the rest is read", () => {
    const data = loadCsv(
      [
        "Subject,Description,Group,Priority",
        '"Refund, please","I was charged twice",Billing,High',
        "Too,many,fields,here,oops",
        '"Login","multi',
        'line text",Accounts,2',
      ].join("\n"),
    );
    expect(data.rows).toHaveLength(3);
    expect(data.rows[0]?.ticket).toMatchObject({
      subject: "Refund, please",
      labels: { group: "Billing", priority: 3 },
    });
    expect(data.rows[1]).toMatchObject({ row: 1, error: expect.stringMatching(/^line 3: /) });
    expect(data.rows[2]?.ticket).toMatchObject({ description: "multi\nline text", labels: { priority: 2 } });
    expect(data.rows[2]?.line).toBe(5);
  });

  it("JSONL: names bad lines, accepts priority words and numbers, warns about unknown ones", () => {
    const data = loadJsonl(
      [
        '{"subject":"a","description":"b","priority":"urgent"}',
        "",
        "[1,2]",
        '{"subject":"","description":""}',
        '{"title":"c","body":"d","priority":9}',
      ].join("\n"),
    );
    expect(data.rows.map((r) => r.error ?? r.ticket?.labels.priority)).toEqual([
      4,
      "line 3 is not a JSON object",
      "line 4 has neither a subject nor a description",
      undefined,
    ]);
    expect(data.warnings).toEqual([
      'line 5: unknown priority "9" (use 1–4 or Low, Medium, High, Urgent); left out of the priority figures',
    ]);
  });
});
