// Every seeded agent has an API key of its own, as in Freshdesk, so a client can act as that
// agent. The keys derive from the account's admin key: stable across restarts of one sandbox
// configuration (a person who signed in keeps working) and unguessable without that key.
import { createHmac } from "node:crypto";

/** Freshdesk API keys are 20 alphanumeric characters. */
export function agentApiKey(adminKey: string, agentId: number): string {
  return createHmac("sha256", adminKey).update(`agent:${agentId}`).digest("hex").slice(0, 20);
}
