/**
 * Where one Freshdesk account's data lives in Redis: its triage queue (job ids, deduplication
 * ids, BullMQ's markers), results, hints and round-robin cursors all sit under this prefix.
 * Ticket ids are only unique within an account (a new account numbers from 1), so two accounts
 * sharing one Redis never see each other's tickets as already triaged.
 * `account` is `freshdeskAccountName(baseUrl)` from src/freshdesk/client.ts.
 */
export function accountKeyPrefix(queuePrefix: string, account: string): string {
  return `${queuePrefix}:account:${account}`;
}

/** A SCAN MATCH pattern for every key under `prefix`, whatever glob characters it holds (IPv6 hosts). */
export function keysUnder(prefix: string): string {
  return `${prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`)}:*`;
}
