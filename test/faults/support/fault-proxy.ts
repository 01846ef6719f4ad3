import { createConnection, createServer, type Server, type Socket } from "node:net";

/**
 * A small loopback TCP proxy between the workers and the sandbox that can misbehave on demand.
 * The mode is read each time a request's bytes arrive, so switching it affects the next request
 * even on a kept-alive connection:
 * - pass:   forward both ways untouched
 * - status: answer the request itself with a canned HTTP error (429 with Retry-After, or 500)
 *           and close the connection; the sandbox never sees it
 * - delay:  forward the request, hold the sandbox's answer back for `ms`
 * - reset:  forward the request, then reset the connection (RST) as soon as the sandbox answers,
 *           so the client cannot know whether a write landed
 * `writesOnly` limits a fault to POST/PUT/DELETE requests, the ones whose outcome matters.
 */
type Fault =
  | { kind: "status"; status: 429 | 500; retryAfterSeconds?: number }
  | { kind: "delay"; ms: number }
  | { kind: "reset" };
export type ProxyMode = { kind: "pass" } | (Fault & { writesOnly?: boolean });

export type FaultProxy = {
  url: string;
  setMode(mode: ProxyMode): void;
  /** How many requests each fault was applied to. */
  injected: { status: number; delay: number; reset: number };
  close(): Promise<void>;
};

export async function startFaultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let mode: ProxyMode = { kind: "pass" };
  const injected = { status: 0, delay: 0, reset: 0 };
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = createConnection(target);
    sockets.add(upstream);
    // The fault chosen when the current request started; its body chunks follow the same fate.
    let current: ProxyMode = { kind: "pass" };
    let resetPending = false;
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", () => {
      sockets.delete(client);
      upstream.destroy();
    });
    upstream.on("close", () => {
      sockets.delete(upstream);
      client.end();
    });
    client.on("error", closeBoth);
    upstream.on("error", closeBoth);

    client.on("data", (chunk) => {
      const head = chunk.subarray(0, 8).toString("latin1");
      if (REQUEST_START.test(head)) {
        current = mode.kind !== "pass" && mode.writesOnly && !WRITE.test(head) ? { kind: "pass" } : mode;
        if (current.kind !== "pass") injected[current.kind]++;
      }
      if (current.kind === "status") {
        if (!client.writableEnded) client.end(cannedResponse(current.status, current.retryAfterSeconds));
        upstream.destroy();
        return;
      }
      if (current.kind === "reset") resetPending = true;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      if (resetPending) {
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      if (current.kind === "delay") {
        setTimeout(() => {
          if (!client.destroyed) client.write(chunk);
        }, current.ms);
      } else {
        client.write(chunk);
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    setMode(next) {
      mode = next;
    },
    injected,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const REQUEST_START = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /;
const WRITE = /^(POST|PUT|PATCH|DELETE) /;

function cannedResponse(status: 429 | 500, retryAfterSeconds = 1): string {
  const body =
    status === 429
      ? JSON.stringify({ code: "rate_limit_exceeded", message: "You have exceeded the limit of requests" })
      : JSON.stringify({ code: "internal_error", message: "Internal server error" });
  const headers = [
    `HTTP/1.1 ${status} ${status === 429 ? "Too Many Requests" : "Internal Server Error"}`,
    "Content-Type: application/json",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    ...(status === 429 ? [`Retry-After: ${retryAfterSeconds}`] : []),
  ];
  return `${headers.join("\r\n")}\r\n\r\n${body}`;
}
