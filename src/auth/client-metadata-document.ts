import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import { InvalidClientError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { OAuthClientMetadataSchema } from "@modelcontextprotocol/sdk/shared/auth.js";
import type { StoredClient } from "./token-store.ts";

/**
 * Client ID Metadata Documents: a client whose client_id is an https URL publishes its metadata
 * there, and no registration is needed. Fetching a URL a stranger chose is a server-side request
 * on their behalf, so it is bounded: https only, public addresses only (checked on the address
 * actually connected to, so DNS cannot swap in a private one), a size cap and a deadline.
 */

export type ClientMetadataFetchOptions = {
  maxBytes?: number;
  timeoutMs?: number;
  /** Tests only: allow http:// and loopback/private addresses (a local document server). */
  allowPrivateNetwork?: boolean;
};

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  PRIVATE.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(net, bits, "ipv6");
}

export function isPrivateAddress(raw: string): boolean {
  // BlockList matches IPv4 rules against IPv4-mapped IPv6 addresses, so ::ffff:a.b.c.d is
  // judged by its IPv4 part (a ::ffff:0:0/96 rule would catch every IPv4 address).
  const address = raw.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** True when a client_id names a metadata document (rather than a registered client). */
export function isMetadataDocumentClientId(clientId: string): boolean {
  return /^https?:\/\//i.test(clientId);
}

export async function fetchClientMetadataDocument(
  clientId: string,
  options: ClientMetadataFetchOptions = {},
): Promise<StoredClient> {
  const url = URL.parse(clientId);
  const insecureOk = options.allowPrivateNetwork === true;
  if (!url || !(url.protocol === "https:" || (insecureOk && url.protocol === "http:"))) {
    throw new InvalidClientError("A URL client_id must be an https URL.");
  }
  if (url.pathname === "/" || url.hash || url.username || url.password) {
    throw new InvalidClientError("A URL client_id must have a path and no fragment or credentials.");
  }
  const text = await boundedGet(url, {
    maxBytes: options.maxBytes ?? 5 * 1024,
    timeoutMs: options.timeoutMs ?? 5_000,
    allowPrivate: insecureOk,
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidClientError("The client's metadata document is not JSON.");
  }
  const parsed = OAuthClientMetadataSchema.safeParse(json);
  if (!parsed.success)
    throw new InvalidClientError("The client's metadata document is not valid client metadata.");
  const document = parsed.data;
  if ((json as { client_id?: unknown }).client_id !== clientId) {
    throw new InvalidClientError("The client's metadata document names another client_id than its own URL.");
  }
  const method = document.token_endpoint_auth_method ?? "none";
  if (method !== "none") {
    throw new InvalidClientError(
      "Clients identified by a metadata document must be public (token_endpoint_auth_method none).",
    );
  }
  return {
    client_id: clientId,
    client_id_issued_at: Math.floor(Date.now() / 1000),
    ...(document.client_name ? { client_name: document.client_name.slice(0, 100) } : {}),
    ...(document.client_uri ? { client_uri: document.client_uri } : {}),
    redirect_uris: document.redirect_uris.map(String),
    token_endpoint_auth_method: "none",
    grant_types: document.grant_types ?? ["authorization_code", "refresh_token"],
    response_types: document.response_types ?? ["code"],
  };
}

function boundedGet(
  url: URL,
  limits: { maxBytes: number; timeoutMs: number; allowPrivate: boolean },
): Promise<string> {
  const refuse = (why: string) =>
    new InvalidClientError(`Could not read the client's metadata document: ${why}.`);
  // Checked on each resolved address, before connecting to it.
  const lookup = (
    hostname: string,
    lookupOptions: object,
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const list = addresses as LookupAddress[];
      if (!limits.allowPrivate && list.some((entry) => isPrivateAddress(entry.address))) {
        return callback(refuse("its host resolves to a private address"), "");
      }
      const wantsAll = (lookupOptions as { all?: boolean }).all === true;
      if (wantsAll) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
  if (
    !limits.allowPrivate &&
    isIP(url.hostname.replace(/^\[|\]$/g, "")) &&
    isPrivateAddress(url.hostname.replace(/^\[|\]$/g, ""))
  ) {
    return Promise.reject(refuse("its host is a private address"));
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      { lookup, headers: { Accept: "application/json" }, timeout: limits.timeoutMs },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(refuse(`it answered HTTP ${response.statusCode}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            request.destroy();
            reject(refuse(`it is larger than ${limits.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        response.on("error", () => reject(refuse("the connection failed")));
      },
    );
    const deadline = setTimeout(() => {
      request.destroy();
      reject(refuse(`no answer within ${limits.timeoutMs} ms`));
    }, limits.timeoutMs);
    request.on("close", () => clearTimeout(deadline));
    request.on("timeout", () => request.destroy());
    request.on("error", (error) =>
      reject(error instanceof InvalidClientError ? error : refuse("the connection failed")),
    );
  });
}
