/**
 * DNS-rebinding and cross-site protection for /mcp: a browser page on another site must not be
 * able to drive the tools. Loopback is always allowed; beyond that, the service's public URL
 * and the origins listed in MCP_ALLOWED_ORIGINS.
 */

export type OriginAllowList = {
  originAllowed(origin: string): boolean;
  hostAllowed(host: string): boolean;
};

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function isLoopback(hostname: string): boolean {
  return (
    LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname.endsWith(".localhost")
  );
}

function parseOrigin(value: string): URL | undefined {
  try {
    const url = new URL(value.includes("://") ? value : `https://${value}`);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Hostname of a Host header value (`example.com:8080`, `[::1]:3000`). */
function hostnameOf(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith("[")) return trimmed.slice(0, trimmed.indexOf("]") + 1);
  return trimmed.split(":")[0] ?? "";
}

export function createOriginAllowList(options: {
  publicUrl: string | undefined;
  allowedOrigins: readonly string[];
}): OriginAllowList {
  const configured = [options.publicUrl, ...options.allowedOrigins]
    .filter((value): value is string => Boolean(value))
    .map(parseOrigin)
    .filter((url): url is URL => url !== undefined);
  // Entries given as bare hosts ("app.example.com") allow that host on either scheme.
  const bareHosts = new Set(
    [...options.allowedOrigins].filter((v) => !v.includes("://")).map((v) => hostnameOf(v)),
  );
  const origins = new Set(configured.map((url) => url.origin));
  const hosts = new Set(configured.map((url) => url.hostname.toLowerCase()));

  return {
    originAllowed(origin) {
      const url = parseOrigin(origin);
      if (!url || !origin.includes("://")) return false;
      return isLoopback(url.hostname) || origins.has(url.origin) || bareHosts.has(url.hostname);
    },
    hostAllowed(host) {
      const hostname = hostnameOf(host);
      return isLoopback(hostname) || hosts.has(hostname);
    },
  };
}
