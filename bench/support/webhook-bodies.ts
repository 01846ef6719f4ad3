/**
 * Webhook bodies as Freshdesk automation rules send them. `{id}` in a template is replaced with
 * the ticket id per request (so every request is a distinct ticket, never a deduplicated one).
 */
export const WEBHOOK_SECRET = "bench-webhook-secret-0123456789";

export const ID_ONLY_TEMPLATE = JSON.stringify({
  freshdesk_webhook: { ticket_id: "{id}", triggered_event: '{"ticket_action":"created"}' },
});

export function idOnlyBody(ticketId: number): string {
  return ID_ONLY_TEMPLATE.replace("{id}", String(ticketId));
}

export const WEBHOOK_HEADERS = { "Content-Type": "application/json", "X-Webhook-Token": WEBHOOK_SECRET };

/** Sends one webhook; resolves with the status (the body is read and dropped). */
export async function fireWebhook(baseUrl: string, body: string): Promise<number> {
  const response = await fetch(`${baseUrl}/webhooks/freshdesk`, {
    method: "POST",
    headers: WEBHOOK_HEADERS,
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function inPool<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
    }
  });
  await Promise.all(lanes);
}
