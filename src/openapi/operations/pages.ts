import type { Operation, Paths, Response, SecurityRequirement } from "../types.ts";
import { errors, PUBLIC } from "./common.ts";

/** Pages accept a bearer header (scripts, curl) or the session cookie the login form sets (browsers). */
const viewer = (scope: "read" | "admin"): SecurityRequirement[] => [
  { bearerToken: [scope] },
  { sessionCookie: [scope] },
];

const page = (description: string): Response => ({
  description,
  content: { "text/html": { schema: { type: "string" } } },
});
const redirect = (description: string): Response => ({
  description,
  headers: { Location: { description: "Where to go next.", schema: { type: "string" } } },
});

const signInFirst = {
  "303": redirect("A browser without a session (or with too little scope) is sent to `/login`."),
  ...errors([401, 403], {
    401: "A script sent no token, or a wrong one.",
    403: "The token lacks the scope this page needs.",
  }),
};

const loginForm: Operation["requestBody"] = {
  required: true,
  content: {
    "application/x-www-form-urlencoded": {
      schema: {
        type: "object",
        properties: {
          token: { type: "string", description: "A token from `MCP_TOKENS`." },
          next: { type: "string", description: "A path on this service to go to after signing in." },
        },
        required: ["token"],
      },
      example: { token: "your-token", next: "/" },
    },
  },
};

export const pagePaths: Paths = {
  "/": {
    get: {
      operationId: "activityPage",
      tags: ["Pages"],
      summary: "Triage activity: recent tickets and what triage decided",
      description:
        "Recent tickets with their category, confidence, priority, group, applied and suggested fields; counts per category and group over the last day. Shows ticket subjects, so it needs a `read` token.",
      security: viewer("read"),
      parameters: [
        {
          name: "queued",
          in: "query",
          required: false,
          description: "A ticket just queued for reprocessing, to confirm on the page.",
          schema: { type: "string", pattern: "^\\d{1,15}$" },
        },
      ],
      responses: { "200": page("The activity page."), ...signInFirst },
    },
  },
  "/activity/tickets/{id}/reprocess": {
    post: {
      operationId: "activityReprocess",
      tags: ["Pages"],
      summary: "The activity page's reprocess button",
      description:
        "Queues a forced re-triage and sends the browser back to the page. With the session cookie, the request must come from this service's own pages (Origin check).",
      security: viewer("admin"),
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^\\d{1,15}$" } },
      ],
      responses: {
        "303": redirect("Queued; back to the activity page."),
        ...errors([400, 401, 403], { 403: "Lacks `admin`, or came from another site." }),
      },
    },
  },
  "/login": {
    get: {
      operationId: "loginPage",
      tags: ["Pages"],
      summary: "The sign-in form",
      security: PUBLIC,
      parameters: [
        { name: "next", in: "query", required: false, schema: { type: "string" } },
        {
          name: "scope",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["read", "write", "admin"] },
        },
      ],
      responses: { "200": page("The form.") },
    },
    post: {
      operationId: "login",
      tags: ["Pages"],
      summary: "Sign in with a token",
      description:
        "Sets an HttpOnly, SameSite=Strict session cookie (Secure over HTTPS) that stands for the token; the token itself is never stored in the cookie. Failed attempts are limited to ten a minute per client address.",
      security: PUBLIC,
      requestBody: loginForm,
      responses: {
        "303": {
          ...redirect("Signed in; on to `next`."),
          headers: {
            Location: { description: "The `next` path.", schema: { type: "string" } },
            "Set-Cookie": { description: "The session cookie.", schema: { type: "string" } },
          },
        },
        "401": page("The token is not valid; the form again, with the reason."),
        "429": page(
          "Ten failed sign-ins from this address within the minute; the form again, with `Retry-After`. Refused even for a right token until the minute is over.",
        ),
        ...errors([400, 403], { 400: "Not a form body.", 403: "The form was posted from another site." }),
      },
    },
  },
  "/logout": {
    post: {
      operationId: "logout",
      tags: ["Pages"],
      summary: "Sign out",
      security: PUBLIC,
      responses: {
        "303": redirect("The session cookie is cleared; on to `/login`."),
        ...errors([403], { 403: "The request came from another site." }),
      },
    },
  },
  "/admin/queues": {
    get: {
      operationId: "queueDashboard",
      tags: ["Pages"],
      summary: "The queue dashboard (bull-board)",
      description:
        "Jobs waiting, active, completed and failed, with retry and clean actions. The dashboard's own assets and JSON API live under `/admin/queues/` behind the same `admin` check; they belong to bull-board and are not described here.",
      security: viewer("admin"),
      responses: { "200": page("The dashboard."), ...signInFirst },
    },
  },
};
