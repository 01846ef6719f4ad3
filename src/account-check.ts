import type { AccountDirectory } from "./freshdesk/account-directory.ts";
import {
  FreshdeskAuthError,
  FreshdeskNetworkError,
  FreshdeskNotFoundError,
  FreshdeskTimeoutError,
} from "./freshdesk/errors.ts";
import type { Taxonomy } from "./triage/taxonomy.ts";

/**
 * The one look at the Freshdesk account at start: can we read it with this key, and does it have
 * the groups the triage configuration routes to? The banner and the start-up log say what to fix.
 */
export type AccountCheck =
  | { ok: true; missingGroups: string[] }
  | { ok: false; problem: string; fix: string };

/** Groups the taxonomy routes to that the account does not have (a ticket would stay unrouted). */
export async function missingGroups(directory: AccountDirectory, taxonomy: Taxonomy): Promise<string[]> {
  const named = [...new Set(taxonomy.categories.map((category) => category.group))];
  const found = await Promise.all(named.map(async (name) => (await directory.groupId(name)) !== undefined));
  return named.filter((_, index) => !found[index]);
}

export function missingGroupsWarning(groups: readonly string[]): string | undefined {
  if (groups.length === 0) return undefined;
  return `The triage configuration routes to ${groups.length === 1 ? "a group" : "groups"} this Freshdesk account lacks: ${groups.map((g) => `"${g}"`).join(", ")}. Tickets of those categories are not assigned a group; create the groups in Freshdesk or change TRIAGE_CONFIG.`;
}

export async function checkAccount(options: {
  directory: AccountDirectory;
  taxonomy: Taxonomy;
  /** Where Freshdesk is, for the messages. */
  baseUrl: string;
  /** The check gives up after this long (the client's own retries may take longer). */
  timeoutMs: number;
}): Promise<AccountCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.timeoutMs);
  });
  try {
    const answer = await Promise.race([options.directory.groups(), timedOut]);
    if (answer === "timeout") {
      return {
        ok: false,
        // Refused connections are retried with backoff, so they too can end here.
        problem: `Freshdesk at ${options.baseUrl} could not be reached: no answer within ${Math.round(options.timeoutMs / 1000)} s.`,
        fix: "Check FRESHDESK_DOMAIN (e.g. acme or https://acme.freshdesk.com) and this machine's network.",
      };
    }
    return { ok: true, missingGroups: await missingGroups(options.directory, options.taxonomy) };
  } catch (error) {
    return describeFailure(error, options.baseUrl);
  } finally {
    clearTimeout(timer);
  }
}

function describeFailure(error: unknown, baseUrl: string): AccountCheck {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof FreshdeskAuthError) {
    return error.status === 401
      ? {
          ok: false,
          problem: `Freshdesk at ${baseUrl} refused the API key (401 Unauthorized).`,
          fix: "Set FRESHDESK_API_KEY to an agent's API key (Freshdesk: Profile settings → View API key).",
        }
      : {
          ok: false,
          problem: `Freshdesk at ${baseUrl} accepted the API key but refused access (403 Forbidden): ${message}`,
          fix: "Use the API key of an agent who can see tickets, groups and agents (an admin is simplest).",
        };
  }
  if (error instanceof FreshdeskNetworkError || error instanceof FreshdeskTimeoutError) {
    return {
      ok: false,
      problem: `Freshdesk at ${baseUrl} could not be reached: ${message}`,
      fix: "Check FRESHDESK_DOMAIN (e.g. acme or https://acme.freshdesk.com) and this machine's network.",
    };
  }
  if (error instanceof FreshdeskNotFoundError) {
    return {
      ok: false,
      problem: `There is no Freshdesk API at ${baseUrl} (404).`,
      fix: "Check FRESHDESK_DOMAIN: it is the account's address, e.g. https://acme.freshdesk.com.",
    };
  }
  return {
    ok: false,
    problem: `Freshdesk at ${baseUrl} could not be read: ${message}`,
    fix: "Check FRESHDESK_DOMAIN and FRESHDESK_API_KEY; /readyz shows the current state.",
  };
}
