import { ADMIN_TOKEN, WEBHOOK_SECRET } from "./fault-env.ts";

/**
 * Hostile and malformed requests for every HTTP route of the web process. Each must get a clear
 * 4xx (a JSON error with a message, or the route's own page) and must never enqueue anything.
 */
export type BadRequest = {
  name: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** The exact status expected; otherwise any 4xx. */
  status?: number;
};

const webhookAuth = { "X-Webhook-Token": WEBHOOK_SECRET };
const json = { "Content-Type": "application/json" };
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const mcpHeaders = { ...admin, ...json, Accept: "application/json, text/event-stream" };
const invalidUtf8 = new Uint8Array([
  0x7b, 0x22, 0x74, 0x69, 0x63, 0x6b, 0x65, 0x74, 0x5f, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x31, 0x22,
  0x7d,
]);
const deepArray = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
const deepObject = `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`;
const huge = JSON.stringify({
  freshdesk_webhook: { ticket_id: "1", ticket_description: "x".repeat(1_000_000) },
});

function webhook(name: string, body: string | Uint8Array, extra: Partial<BadRequest> = {}): BadRequest {
  return {
    name: `webhook: ${name}`,
    method: "POST",
    path: "/webhooks/freshdesk",
    headers: { ...webhookAuth, ...json },
    body,
    ...extra,
  };
}

export const BAD_REQUESTS: BadRequest[] = [
  webhook("malformed JSON", '{"freshdesk_webhook": {"ticket_id": "1"', { status: 400 }),
  webhook("empty body", "", { status: 400 }),
  webhook("a JSON array", "[1,2,3]", { status: 400 }),
  webhook("a JSON string", '"ticket 1"', { status: 400 }),
  webhook("null", "null", { status: 400 }),
  webhook("ticket id as an object", '{"ticket_id": {"$gt": 0}}', { status: 400 }),
  webhook("negative ticket id", '{"ticket_id": -5}', { status: 400 }),
  webhook("fractional ticket id", '{"ticket_id": 1.5}', { status: 400 }),
  webhook("ticket id in exponent form", '{"ticket_id": "1e3"}', { status: 400 }),
  webhook("ticket id beyond safe integers", '{"ticket_id": "99999999999999999999"}', { status: 400 }),
  webhook("path traversal in the ticket id", '{"ticket_id": "../../tickets/1"}', { status: 400 }),
  webhook("no ticket id", '{"freshdesk_webhook": {"ticket_subject": "hi"}}', { status: 400 }),
  webhook("nested objects", '{"freshdesk_webhook": {"ticket_id": "1", "x": {"y": [1]}}}', { status: 400 }),
  webhook("deeply nested arrays", deepArray, { status: 400 }),
  webhook("deeply nested objects", deepObject, { status: 400 }),
  webhook("a 1 MB body", huge, { status: 413 }),
  webhook("invalid UTF-8", invalidUtf8, { status: 400 }),
  webhook("prototype pollution keys", '{"__proto__": {"ticket_id": "1"}, "constructor": {"prototype": {}}}', {
    status: 400,
  }),
  webhook("no content type", '{"ticket_id": "1"}', { headers: webhookAuth, status: 415 }),
  webhook("text/plain", '{"ticket_id": "1"}', {
    headers: { ...webhookAuth, "Content-Type": "text/plain" },
    status: 415,
  }),
  webhook("no secret", '{"ticket_id": "1"}', { headers: json, status: 401 }),
  webhook("wrong secret", '{"ticket_id": "1"}', {
    headers: { ...json, "X-Webhook-Token": "guess" },
    status: 401,
  }),
  webhook("two secrets in one header", '{"ticket_id": "1"}', {
    headers: { ...json, "X-Webhook-Token": `${WEBHOOK_SECRET}, ${WEBHOOK_SECRET}` },
    status: 401,
  }),
  webhook("Basic auth that is not base64", '{"ticket_id": "1"}', {
    headers: { ...json, Authorization: "Basic %%%not-base64%%%" },
    status: 401,
  }),
  webhook("Bearer instead of the secret", '{"ticket_id": "1"}', {
    headers: { ...json, ...admin },
    status: 401,
  }),

  { name: "reprocess: no token", method: "POST", path: "/tickets/1/reprocess", status: 401 },
  {
    name: "reprocess: path traversal",
    method: "POST",
    path: "/tickets/..%2F..%2Fadmin/reprocess",
    headers: admin,
    status: 400,
  },
  {
    name: "reprocess: encoded NUL",
    method: "POST",
    path: "/tickets/1%00/reprocess",
    headers: admin,
    status: 400,
  },
  {
    name: "reprocess: negative id",
    method: "POST",
    path: "/tickets/-1/reprocess",
    headers: admin,
    status: 400,
  },
  { name: "reprocess: hex id", method: "POST", path: "/tickets/0x10/reprocess", headers: admin, status: 400 },
  {
    name: "reprocess: id too long",
    method: "POST",
    path: `/tickets/${"9".repeat(40)}/reprocess`,
    headers: admin,
    status: 400,
  },
  {
    name: "reprocess: malformed JSON",
    method: "POST",
    path: "/tickets/1/reprocess",
    headers: { ...admin, ...json },
    body: '{"mode":',
    status: 400,
  },
  {
    name: "reprocess: unknown mode",
    method: "POST",
    path: "/tickets/1/reprocess",
    headers: { ...admin, ...json },
    body: '{"mode":"delete"}',
    status: 400,
  },
  {
    name: "reprocess: extra fields",
    method: "POST",
    path: "/tickets/1/reprocess",
    headers: { ...admin, ...json },
    body: '{"mode":"apply","priority":4}',
    status: 400,
  },
  {
    name: "reprocess: mode of the wrong type",
    method: "POST",
    path: "/tickets/1/reprocess",
    headers: { ...admin, ...json },
    body: '{"mode":["apply"]}',
    status: 400,
  },
  {
    name: "reprocess: invalid UTF-8",
    method: "POST",
    path: "/tickets/1/reprocess",
    headers: { ...admin, ...json },
    body: invalidUtf8,
    status: 400,
  },
  {
    name: "reprocess: deeply nested body",
    method: "POST",
    path: "/tickets/1/reprocess",
    headers: { ...admin, ...json },
    body: deepArray,
    status: 400,
  },

  {
    name: "triage result: path traversal",
    method: "GET",
    path: "/tickets/..%2F..%2Fetc%2Fpasswd/triage",
    headers: admin,
    status: 400,
  },
  { name: "triage result: no token", method: "GET", path: "/tickets/1/triage", status: 401 },
  {
    name: "triage result: token in the query",
    method: "GET",
    path: `/tickets/1/triage?token=${ADMIN_TOKEN}`,
    status: 401,
  },

  { name: "admin audit: no token", method: "GET", path: "/admin/audit", status: 401 },
  {
    name: "admin audit: count not a number",
    method: "GET",
    path: "/admin/audit?count=1;DROP",
    headers: admin,
    status: 400,
  },
  {
    name: "admin audit: negative count",
    method: "GET",
    path: "/admin/audit?count=-1",
    headers: admin,
    status: 400,
  },
  {
    name: "admin audit: huge count",
    method: "GET",
    path: "/admin/audit?count=1e9",
    headers: admin,
    status: 400,
  },

  { name: "mcp: no token", method: "POST", path: "/mcp", headers: json, body: "{}", status: 401 },
  {
    name: "mcp: malformed JSON",
    method: "POST",
    path: "/mcp",
    headers: mcpHeaders,
    body: '{"jsonrpc":"2.0",',
  },
  { name: "mcp: invalid UTF-8", method: "POST", path: "/mcp", headers: mcpHeaders, body: invalidUtf8 },
  { name: "mcp: not JSON-RPC", method: "POST", path: "/mcp", headers: mcpHeaders, body: '{"hello":"world"}' },
  { name: "mcp: a 1 MB body", method: "POST", path: "/mcp", headers: mcpHeaders, body: huge },
  { name: "mcp: deeply nested body", method: "POST", path: "/mcp", headers: mcpHeaders, body: deepObject },

  { name: "activity reprocess: no session", method: "POST", path: "/activity/tickets/1/reprocess" },
  {
    name: "activity reprocess: bearer on a cookie route, bad id",
    method: "POST",
    path: "/activity/tickets/..%2F1/reprocess",
    headers: admin,
  },
  {
    name: "login: malformed form",
    method: "POST",
    path: "/login",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "token=%E0%A4%A&next=//evil.example",
  },
  {
    name: "login: JSON instead of a form",
    method: "POST",
    path: "/login",
    headers: json,
    body: '{"token":{"$ne":""}}',
  },
  {
    name: "unknown route",
    method: "POST",
    path: "/webhooks/..%2F..%2Ftickets%2F1%2Freprocess",
    headers: webhookAuth,
    status: 404,
  },
];

/** Requests that only a raw socket can send: unnormalised paths and conflicting framing headers. */
export const RAW_BAD_REQUESTS: Array<{ name: string; text: string }> = [
  {
    name: "dot segments reaching the operator API from the webhook path",
    text: `POST /webhooks/../tickets/1/reprocess HTTP/1.1\r\nHost: x\r\nX-Webhook-Token: ${WEBHOOK_SECRET}\r\nContent-Length: 0\r\n\r\n`,
  },
  {
    name: "Content-Length and Transfer-Encoding together (request smuggling)",
    text: `POST /webhooks/freshdesk HTTP/1.1\r\nHost: x\r\nX-Webhook-Token: ${WEBHOOK_SECRET}\r\nContent-Type: application/json\r\nContent-Length: 16\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n{"ticket_id":1}`,
  },
  {
    name: "a 64 KB header",
    text: `POST /webhooks/freshdesk HTTP/1.1\r\nHost: x\r\nX-Webhook-Token: ${WEBHOOK_SECRET}\r\nX-Padding: ${"a".repeat(65_536)}\r\nContent-Length: 0\r\n\r\n`,
  },
  {
    name: "NUL in the path",
    text: `GET /tickets/1\u0000/triage HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\n\r\n`,
  },
];
