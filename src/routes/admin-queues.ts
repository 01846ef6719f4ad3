import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { HonoAdapter } from "@bull-board/hono";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Queue } from "bullmq";
import { Hono } from "hono";
import { type PageAuth, requireViewer, type ViewerVariables } from "./page-auth.ts";

export const QUEUE_DASHBOARD_PATH = "/admin/queues";

// The dashboard's page asks for web fonts from Google; the policy keeps it on this host (it
// falls back to system fonts), so an admin's visit tells no one else.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
].join("; ");

/**
 * The bull-board queue dashboard at /admin/queues, for admins only (bearer token or a session
 * from the login form). Its buttons (retry, clean, pause…) send same-origin requests, which the
 * session's Origin check lets through and other sites cannot forge.
 */
export function adminQueueRoutes(deps: { auth: PageAuth; queues: readonly Queue[] }): Hono<{
  Variables: ViewerVariables;
}> {
  const board = new HonoAdapter(serveStatic).setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: deps.queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter: board,
    options: {
      uiConfig: {
        boardTitle: "Triage queues",
        miscLinks: [{ text: "Triage activity", url: "/" }],
      },
    },
  });
  const routes = new Hono<{ Variables: ViewerVariables }>();
  routes.use("*", requireViewer(deps.auth, "admin"));
  routes.use("*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  });
  routes.route("/", board.registerPlugin());
  return routes;
}
