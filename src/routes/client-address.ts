import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The client's address, for limits kept per address (failed sign-ins).
 *
 * With `trustedProxies` = 0 it is the connection's peer. Behind N proxies that each append the
 * address they were connected from to `X-Forwarded-For`, it is the entry the outermost trusted
 * proxy appended: the Nth from the right, counting the peer itself. Entries further left were
 * written by the client and are never believed, so a client cannot pick its own address.
 */
export type ClientAddress = (c: Context) => string;

export function clientAddress(trustedProxies: number): ClientAddress {
  return (c) => {
    const peer = peerAddress(c);
    if (trustedProxies === 0) return peer;
    const forwarded = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const chain = [...forwarded, peer];
    return normalize(chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? peer);
  };
}

function peerAddress(c: Context): string {
  try {
    return normalize(getConnInfo(c).remote.address ?? "unknown");
  } catch {
    return "unknown";
  }
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same client. */
function normalize(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase();
}
