import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppError, ForbiddenError, RateLimitedError } from "../../src/errors.ts";
import {
  FreshdeskNotFoundError,
  FreshdeskRateLimitError,
  FreshdeskServerError,
  FreshdeskValidationError,
} from "../../src/freshdesk/index.ts";
import { silentLogger } from "../../src/logger.ts";
import { toolErrorResult } from "../../src/mcp/error-boundary.ts";
import { callTool, connectInProcessClient } from "../../src/mcp/in-process-client.ts";
import { errorFromToolResult } from "../../src/mcp/tool-error.ts";
import { type Backend, startBackend } from "./support/harness.ts";

function roundTrip(error: unknown): AppError {
  const result = toolErrorResult(error, "get_ticket", silentLogger());
  const text = (result.content[0] as { text: string }).text;
  return errorFromToolResult("get_ticket", text, result._meta?.error);
}

describe("the error boundary and its reverse", () => {
  const info = { method: "GET", path: "/tickets/1" };

  it("keeps kind, status and retry hints across the result", () => {
    const notFound = roundTrip(
      new FreshdeskNotFoundError("Freshdesk found nothing at GET /tickets/1.", info),
    );
    expect(notFound).toBeInstanceOf(FreshdeskNotFoundError);
    expect(notFound.status).toBe(404);

    const limited = roundTrip(new FreshdeskRateLimitError("slow down", 42, info));
    expect(limited).toBeInstanceOf(FreshdeskRateLimitError);
    expect((limited as FreshdeskRateLimitError).retryAfterSeconds).toBe(42);

    expect(roundTrip(new FreshdeskServerError(502, "bad gateway", info)).status).toBe(502);
    expect(roundTrip(new ForbiddenError("Refused: no.")) as AppError).toBeInstanceOf(ForbiddenError);
    expect((roundTrip(new RateLimitedError("wait", 7)) as RateLimitedError).retryAfterSeconds).toBe(7);
  });

  it("passes Freshdesk's field messages on", () => {
    const error = new FreshdeskValidationError(
      400,
      "Freshdesk rejected the request: status: It should be one of these values: '2,3,4,5'",
      {
        ...info,
        fieldErrors: [
          { field: "status", message: "It should be one of these values: '2,3,4,5'", code: "invalid_value" },
        ],
      },
    );
    const result = toolErrorResult(error, "update_ticket", silentLogger());
    expect(result.content[0]).toMatchObject({ text: expect.stringContaining("status: It should be one of") });
    const rebuilt = errorFromToolResult(
      "update_ticket",
      "x",
      result._meta?.error,
    ) as FreshdeskValidationError;
    expect(rebuilt.fieldErrors[0]?.field).toBe("status");
  });

  it("hides the details of bugs and logs them as errors", () => {
    const logged: unknown[] = [];
    const logger = silentLogger();
    logger.error = ((obj: unknown) => void logged.push(obj)) as typeof logger.error;
    const result = toolErrorResult(
      new TypeError("cannot read x of undefined at /srv/app.ts:1"),
      "get_ticket",
      logger,
    );
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result)).not.toContain("undefined");
    expect(result._meta?.error).toMatchObject({ code: "internal_error", status: 500 });
    expect(logged).toHaveLength(1);
  });

  it("does not log expected errors", () => {
    const logged: unknown[] = [];
    const logger = silentLogger();
    logger.error = ((obj: unknown) => void logged.push(obj)) as typeof logger.error;
    toolErrorResult(new FreshdeskNotFoundError("gone", info), "get_ticket", logger);
    expect(logged).toHaveLength(0);
  });
});

describe("errors through a real tool call", () => {
  let backend: Backend;
  let client: Client;

  beforeAll(async () => {
    backend = await startBackend();
    client = await connectInProcessClient(backend.deps, { caller: "errors-test", scopes: ["admin"] });
  });

  afterAll(async () => {
    await client.close();
    await backend.close();
  });

  it("rebuilds a Freshdesk 404 as FreshdeskNotFoundError", async () => {
    await expect(callTool(client, "get_ticket", { ticket_id: 987_654 })).rejects.toBeInstanceOf(
      FreshdeskNotFoundError,
    );
  });

  it("reports Freshdesk's validation message for a bad value", async () => {
    const result = await client.callTool({ name: "update_ticket", arguments: { ticket_id: 1, status: 99 } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/status/);
    expect(JSON.stringify(result.content)).not.toMatch(/<html|stack|at \//i);
  });

  it("names the problem in invalid arguments", async () => {
    const result = await client.callTool({ name: "get_ticket", arguments: { ticket_id: "seven" } });
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]!.text).toMatch(
      /^Invalid arguments for get_ticket: ticket_id:/,
    );
    await expect(callTool(client, "get_ticket", { ticket_id: -1 })).rejects.toMatchObject({ status: 400 });
  });

  it("answers an unknown tool with a clear not-found result", async () => {
    const result = await client.callTool({ name: "drop_database", arguments: {} });
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]!.text).toBe('There is no tool named "drop_database".');
  });

  it("says triage is unavailable when the process has no pipeline", async () => {
    const result = await client.callTool({ name: "triage_ticket", arguments: { ticket_id: 1 } });
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]!.text).toMatch(
      /Triage is not available in this process/,
    );
  });
});
