import { Hono } from "hono";
import type { FreshdeskTarget } from "../config.ts";
import { BadRequestError } from "../errors.ts";
import type { QualityReport } from "../learning/quality.ts";
import { PRODUCT_LABELS, type Product } from "../product.ts";
import type { EnqueueResult, TriageJob } from "../queue/triage-queue.ts";
import type { TriageResultStore } from "../queue/triage-results.ts";
import { activityPage } from "../ui/activity-page.ts";
import { summarizeActivity } from "../ui/activity-summary.ts";
import { sendPage } from "../ui/send-page.ts";
import { scopesGrant } from "./auth.ts";
import { type PageAuth, requireViewer, type ViewerVariables } from "./page-auth.ts";

export type TicketLinks = {
  url: (ticketId: number) => string;
  /** What the links open, in words for the page ("Freshdesk", "the sandbox's API"). */
  target: string;
};

export type ActivityRouteDeps = {
  auth: PageAuth;
  results: TriageResultStore;
  enqueue: (job: TriageJob) => Promise<EnqueueResult>;
  tickets: TicketLinks;
  /** The learned model's figures and the kept-unchanged shares (src/learning/quality.ts). */
  quality?: (() => Promise<QualityReport>) | undefined;
  /** The service's name for its product, e.g. "Freshservice triage". */
  site?: string | undefined;
  now?: () => Date;
};

/** Real Freshdesk: the agent portal's ticket page. The sandbox has no web UI, so its API. */
export function ticketLinksFor(target: FreshdeskTarget, product: Product = "freshdesk"): TicketLinks {
  const label = PRODUCT_LABELS[product];
  if (target.kind === "remote") {
    // Both products' agent portals show a ticket at /a/tickets/<id> (Freshservice's: inferred).
    return { url: (id) => `${target.baseUrl}/a/tickets/${id}`, target: `the ticket in ${label}` };
  }
  if (product === "freshservice") {
    // The Freshservice sandbox has no agent portal: the link shows the ticket as its API returns it.
    return {
      url: (id) => `/sandbox/api/v2/tickets/${id}`,
      target: "the ticket in the sandbox's API (sign in with the sandbox API key as the user name)",
    };
  }
  return {
    url: (id) => `/sandbox/a/tickets/${id}`,
    target: "the ticket in the sandbox (sign in with the sandbox API key as the user name)",
  };
}

// The result store keeps this many recent runs; the page reads them all for the day's counts.
const RUNS_READ = 500;
const TICKETS_SHOWN = 50;

/** The triage activity page at `/` and its reprocess button; mounted at the root. */
export function activityRoutes(deps: ActivityRouteDeps): Hono<{ Variables: ViewerVariables }> {
  const routes = new Hono<{ Variables: ViewerVariables }>();
  const now = deps.now ?? (() => new Date());

  routes.get("/", requireViewer(deps.auth, "read"), async (c) => {
    const [runs, quality] = await Promise.all([deps.results.recent(RUNS_READ), deps.quality?.()]);
    const summary = summarizeActivity(runs, { now: now(), limit: TICKETS_SHOWN, fetched: RUNS_READ });
    const queued = /^\d{1,15}$/.test(c.req.query("queued") ?? "") ? Number(c.req.query("queued")) : undefined;
    const { token } = c.get("viewer");
    return sendPage(
      c,
      activityPage({
        summary,
        viewerName: token.name,
        isAdmin: scopesGrant(token.scopes, "admin"),
        ticketUrl: deps.tickets.url,
        ticketLinkTarget: deps.tickets.target,
        queued,
        quality,
        site: deps.site,
      }),
    );
  });

  routes.post("/activity/tickets/:id/reprocess", requireViewer(deps.auth, "admin"), async (c) => {
    const raw = c.req.param("id");
    if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1) {
      throw new BadRequestError(`"${raw.slice(0, 40)}" is not a ticket id (a positive integer).`);
    }
    const ticketId = Number(raw);
    await deps.enqueue({ ticketId, event: "reprocess", receivedAt: now().toISOString(), force: true });
    return c.redirect(`/?queued=${ticketId}`, 303);
  });
  return routes;
}
