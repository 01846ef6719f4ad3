import type { AccountDirectory } from "./freshdesk/account-directory.ts";
import {
  FreshdeskAuthError,
  FreshdeskNetworkError,
  FreshdeskNotFoundError,
  FreshdeskTimeoutError,
} from "./freshdesk/errors.ts";
import { PRODUCT_LABELS, type Product } from "./product.ts";
import type { Taxonomy } from "./triage/taxonomy.ts";

/**
 * The one look at the helpdesk account at start: can we read it with this key, and does it have
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
  /** Reads the account's groups: the cheapest call that proves the key and the domain. */
  groups: () => Promise<unknown>;
  /** Groups the triage configuration routes to that the account lacks. */
  missingGroups: () => Promise<string[]>;
  product: Product;
  /** Where the helpdesk is, for the messages. */
  baseUrl: string;
  /** The check gives up after this long (the client's own retries may take longer). */
  timeoutMs: number;
}): Promise<AccountCheck> {
  const names = productNames(options.product);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.timeoutMs);
  });
  try {
    const answer = await Promise.race([options.groups(), timedOut]);
    if (answer === "timeout") {
      return {
        ok: false,
        // Refused connections are retried with backoff, so they too can end here.
        problem: `${names.label} at ${options.baseUrl} could not be reached: no answer within ${Math.round(options.timeoutMs / 1000)} s.`,
        fix: `Check ${names.domain} (e.g. ${names.example}) and this machine's network.`,
      };
    }
    return { ok: true, missingGroups: await options.missingGroups() };
  } catch (error) {
    return describeFailure(error, options.baseUrl, names);
  } finally {
    clearTimeout(timer);
  }
}

type ProductNames = { label: string; domain: string; apiKey: string; example: string; keyHelp: string };

function productNames(product: Product): ProductNames {
  const label = PRODUCT_LABELS[product];
  return product === "freshservice"
    ? {
        label,
        domain: "FRESHSERVICE_DOMAIN",
        apiKey: "FRESHSERVICE_API_KEY",
        example: "acme or https://acme.freshservice.com",
        keyHelp: "Freshservice: Profile settings → Your API Key",
      }
    : {
        label,
        domain: "FRESHDESK_DOMAIN",
        apiKey: "FRESHDESK_API_KEY",
        example: "acme or https://acme.freshdesk.com",
        keyHelp: "Freshdesk: Profile settings → View API key",
      };
}

function describeFailure(error: unknown, baseUrl: string, names: ProductNames): AccountCheck {
  const message = error instanceof Error ? error.message : String(error);
  const { label } = names;
  if (error instanceof FreshdeskAuthError) {
    return error.status === 401
      ? {
          ok: false,
          problem: `${label} at ${baseUrl} refused the API key (401 Unauthorized).`,
          fix: `Set ${names.apiKey} to an agent's API key (${names.keyHelp}).`,
        }
      : {
          ok: false,
          problem: `${label} at ${baseUrl} accepted the API key but refused access (403 Forbidden): ${message}`,
          fix: "Use the API key of an agent who can see tickets, groups and agents (an admin is simplest).",
        };
  }
  if (error instanceof FreshdeskNetworkError || error instanceof FreshdeskTimeoutError) {
    return {
      ok: false,
      problem: `${label} at ${baseUrl} could not be reached: ${message}`,
      fix: `Check ${names.domain} (e.g. ${names.example}) and this machine's network.`,
    };
  }
  if (error instanceof FreshdeskNotFoundError) {
    return {
      ok: false,
      problem: `There is no ${label} API at ${baseUrl} (404).`,
      fix: `Check ${names.domain}: it is the account's address, e.g. ${names.example.split(" or ")[1]}.`,
    };
  }
  return {
    ok: false,
    problem: `${label} at ${baseUrl} could not be read: ${message}`,
    fix: `Check ${names.domain} and ${names.apiKey}; /readyz shows the current state.`,
  };
}
