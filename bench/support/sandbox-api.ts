import type { SandboxStats } from "../../src/sandbox/app.ts";
import { ticketBody } from "./ticket-texts.ts";
import { inPool } from "./webhook-bodies.ts";

/** Creating tickets and reading counters over the sandbox's HTTP API, as a client would. */
export function sandboxApi(baseUrl: string, apiKey = "sandbox") {
  const auth = `Basic ${Buffer.from(`${apiKey}:X`).toString("base64")}`;
  let created = 0;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Authorization: auth, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  return {
    call,
    /** Creates `count` tickets with varied text; resolves with their ids in creation order. */
    async createTickets(count: number, concurrency = 16): Promise<number[]> {
      const ids: number[] = new Array(count);
      const slots = Array.from({ length: count }, (_, i) => i);
      await inPool(slots, concurrency, async (slot) => {
        const ticket = await call<{ id: number }>("POST", "/api/v2/tickets", {
          ...ticketBody(created++),
          priority: 1,
          status: 2,
        });
        ids[slot] = ticket.id;
      });
      return ids;
    },
    stats: () => call<SandboxStats>("GET", "/_sandbox/stats"),
    resetStats: () => call<void>("POST", "/_sandbox/stats/reset"),
  };
}

export const NOTE_ROUTE = "POST /tickets/:id/notes";
