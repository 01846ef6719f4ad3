import type { Paths } from "../types.ts";
import { bearerErrors, jsonResponse, PUBLIC } from "./common.ts";

export const platformPaths: Paths = {
  "/healthz": {
    get: {
      operationId: "liveness",
      tags: ["Monitoring"],
      summary: "Liveness",
      description: "Answers as soon as the process serves HTTP; use it for restarts, not for traffic.",
      security: PUBLIC,
      responses: { "200": jsonResponse("The process is up.", "Liveness") },
    },
  },
  "/readyz": {
    get: {
      operationId: "readiness",
      tags: ["Monitoring"],
      summary: "Readiness",
      description: "Checks the dependencies (Redis) with a short timeout each.",
      security: PUBLIC,
      responses: {
        "200": jsonResponse("Every check passed.", "Readiness"),
        "503": jsonResponse("At least one check failed; each check says why.", "Readiness"),
      },
    },
  },
  "/metrics": {
    get: {
      operationId: "metrics",
      tags: ["Monitoring"],
      summary: "Prometheus metrics",
      description:
        "Webhooks, queue depth, job and step durations, Freshdesk calls and rate budget, LLM calls, tokens and estimated cost, triage outcomes.",
      // `{}` makes the token optional: it is needed only when METRICS_TOKEN is set.
      security: [{}, { metricsToken: [] }],
      responses: {
        "200": {
          description: "The Prometheus text exposition format.",
          content: { "text/plain": { schema: { type: "string" } } },
        },
        ...bearerErrors([401]),
      },
    },
  },
  "/openapi.json": {
    get: {
      operationId: "openApiDocument",
      tags: ["Docs"],
      summary: "This OpenAPI 3.1 document",
      security: PUBLIC,
      responses: {
        "200": {
          description: "The document.",
          content: {
            "application/json": { schema: { type: "object", description: "An OpenAPI 3.1 document." } },
          },
        },
      },
    },
  },
  "/docs": {
    get: {
      operationId: "apiDocsPage",
      tags: ["Docs"],
      summary: "A readable page of this document",
      description: "Self-contained HTML: no scripts, no external assets.",
      security: PUBLIC,
      responses: {
        "200": { description: "The page.", content: { "text/html": { schema: { type: "string" } } } },
      },
    },
  },
};
