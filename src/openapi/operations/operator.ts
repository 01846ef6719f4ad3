import type { Paths } from "../types.ts";
import { bearer, bearerErrors, errors, json, jsonResponse, ref, ticketIdParameter } from "./common.ts";

export const operatorPaths: Paths = {
  "/tickets/{id}/reprocess": {
    post: {
      operationId: "reprocessTicket",
      tags: ["Operators"],
      summary: "Re-run triage for a ticket",
      description:
        "Queues a forced triage run, even if the ticket's content has not changed since the last run. The body is optional.",
      security: bearer("admin"),
      parameters: [ticketIdParameter],
      requestBody: { required: false, content: json("ReprocessRequest", { mode: "suggest" }) },
      responses: {
        "202": jsonResponse("Queued.", "ReprocessAccepted"),
        ...errors([400], { 400: 'The id is not a ticket id, or the body is not `{"mode": …}`.' }),
        ...bearerErrors(),
      },
    },
  },
  "/tickets/{id}/triage": {
    get: {
      operationId: "getTriageReport",
      tags: ["Operators"],
      summary: "What triage did to a ticket",
      description:
        "The latest run that decided something, the changes against the run before it, and recent history.",
      security: bearer("read"),
      parameters: [ticketIdParameter],
      responses: {
        "200": jsonResponse("The triage report.", "TriageReport"),
        ...errors([400]),
        ...bearerErrors(),
        ...errors([404], { 404: "The ticket has not been triaged yet." }),
      },
    },
  },
  "/admin/audit": {
    get: {
      operationId: "listAuditEntries",
      tags: ["Operators"],
      summary: "Recent writes made through the MCP tool server",
      description:
        "Every write by any MCP client (the triage workers included): who, which tool, the outcome.",
      security: bearer("admin"),
      parameters: [
        {
          name: "count",
          in: "query",
          required: false,
          description: "How many entries.",
          schema: ref("AuditCount"),
        },
      ],
      responses: {
        "200": jsonResponse("Audit entries, newest first.", "AuditPage"),
        ...errors([400], { 400: "`count` is not a whole number from 1 to 1000." }),
        ...bearerErrors(),
      },
    },
  },
  "/admin/quality": {
    get: {
      operationId: "getQuality",
      tags: ["Operators"],
      summary: "How right triage is on this account",
      description:
        "The learned model in use (version, how many labelled tickets it learned from, and per field its measured precision and coverage on held-out history), and per field the share of applied values agents left unchanged over the last 7 and 30 days. The same figures as the activity page and `/metrics`.",
      security: bearer("admin"),
      responses: {
        "200": jsonResponse("The quality figures.", "QualityReport"),
        ...bearerErrors(),
      },
    },
  },
};
