import type { Operation, Paths, Response } from "../types.ts";
import { bearer, bearerErrors, errors, json } from "./common.ts";

const initializeExample = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: {
    protocolVersion: "2025-06-18",
    capabilities: {},
    clientInfo: { name: "example-client", version: "1.0.0" },
  },
};

/** The MCP transport answers protocol-level failures with a JSON-RPC error object. */
const transportError = (description: string): Response => ({ description, content: json("JsonRpcMessage") });

const stateless = (method: "get" | "delete"): Operation => ({
  operationId: method === "get" ? "mcpStreamNotSupported" : "mcpSessionDeleteNotSupported",
  tags: ["MCP"],
  summary: method === "get" ? "Not offered: no server-initiated stream" : "Not offered: no sessions to end",
  description: "The endpoint is stateless, so there is no session stream to open or session to delete.",
  security: bearer("read"),
  responses: {
    "405": {
      description: "Use POST.",
      headers: { Allow: { description: "`POST`.", schema: { type: "string" } } },
      content: json("ErrorBody"),
    },
    ...bearerErrors([401]),
  },
});

export const mcpPaths: Paths = {
  "/mcp": {
    description:
      "The Freshdesk tool server over MCP Streamable HTTP (stateless). Connect any MCP client with a bearer token from `MCP_TOKENS`.",
    post: {
      operationId: "mcpMessage",
      tags: ["MCP"],
      summary: "Send one MCP JSON-RPC message",
      description: [
        "One JSON-RPC 2.0 message per request (`initialize`, `tools/list`, `tools/call`, …), as the MCP Streamable",
        "HTTP transport defines it. Clients send `Accept: application/json, text/event-stream`. The tools listed and",
        "callable depend on the token's scopes: `read` sees read-only tools, `write` and `admin` also write.",
        "Requests from a browser Origin that is not allowed are refused, and each token has a per-minute rate limit.",
      ].join(" "),
      security: bearer("read"),
      requestBody: { required: true, content: json("JsonRpcMessage", initializeExample) },
      responses: {
        "200": {
          description: "The JSON-RPC response; a failing tool is a result with `isError`, not an HTTP error.",
          content: json("JsonRpcMessage"),
        },
        "202": { description: "A notification or response was accepted; there is no body." },
        "400": transportError("Not a valid JSON-RPC message (a JSON-RPC error answers)."),
        "406": transportError("The Accept header does not allow both JSON and event streams."),
        "415": transportError("The Content-Type is not application/json."),
        ...bearerErrors([401]),
        ...errors([403], { 403: "The request's Origin or Host is not allowed." }),
        ...errors([429], { 429: "The token's per-minute request budget is spent; see `Retry-After`." }),
      },
    },
    get: stateless("get"),
    delete: stateless("delete"),
  },
};
