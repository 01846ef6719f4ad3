import type { CreatedDemoTicket } from "./demo-tickets.ts";

/**
 * Watches a demo ticket through the Freshdesk API until triage's private note appears, and
 * reads the decision back from the ticket itself: what an agent would see.
 */
export type TriageRow = {
  id: number;
  subject: string;
  category: string;
  priority: string;
  group: string;
  type: string;
  latency: string;
};

const PRIORITY_NAMES: Record<number, string> = { 1: "Low", 2: "Medium", 3: "High", 4: "Urgent" };

export async function waitForTriage(
  apiBase: string,
  apiKey: string,
  ticket: CreatedDemoTicket,
  timeoutMs = 20_000,
): Promise<TriageRow> {
  const headers = { Authorization: `Basic ${Buffer.from(`${apiKey}:X`).toString("base64")}` };
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${apiBase}${path}`, { headers });
    if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
    return (await res.json()) as T;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const notes = await get<Array<{ source: number; private: boolean; created_at: string }>>(
      `/tickets/${ticket.id}/conversations`,
    );
    const note = notes.find((c) => c.source === 2 && c.private);
    if (note) {
      const latencyMs = Date.now() - ticket.createdAt;
      const fields = await get<{
        priority: number;
        group_id: number | null;
        type: string | null;
        tags: string[];
      }>(`/tickets/${ticket.id}`);
      const group = fields.group_id ? (await get<{ name: string }>(`/groups/${fields.group_id}`)).name : "—";
      const category = fields.tags.find((t) => t.startsWith("category:"))?.slice("category:".length) ?? "—";
      return {
        id: ticket.id,
        subject: ticket.subject,
        category,
        priority: PRIORITY_NAMES[fields.priority] ?? String(fields.priority),
        group,
        type: fields.type ?? "—",
        latency: `≤ ${(latencyMs / 1000).toFixed(1)} s`,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    id: ticket.id,
    subject: ticket.subject,
    category: "not triaged in time",
    priority: "—",
    group: "—",
    type: "—",
    latency: `> ${timeoutMs / 1000} s`,
  };
}
