// Sandbox-only endpoints under `/_sandbox`: the request counters (so another process, such as a
// benchmark, can read them) and the bytes behind uploaded attachments.
import type { Hono } from "hono";
import type { SandboxEnv } from "../http/context.ts";
import { WireNotFoundError } from "../http/errors.ts";
import type { StatsRecorder } from "../http/stats.ts";
import type { SandboxStore } from "../store.ts";

export function sandboxAdminRoutes(app: Hono<SandboxEnv>, stats: StatsRecorder, store: SandboxStore): void {
  app.get("/_sandbox/stats", (c) => c.json(stats.snapshot()));
  app.post("/_sandbox/stats/reset", (c) => {
    stats.reset();
    return c.body(null, 204);
  });
  app.get("/_sandbox/attachments/:id{[0-9]+}/:name", (c) => {
    const file = store.files.get(Number(c.req.param("id")));
    if (!file) throw new WireNotFoundError();
    return c.body(file.bytes.slice().buffer as ArrayBuffer, 200, { "Content-Type": file.contentType });
  });
}
