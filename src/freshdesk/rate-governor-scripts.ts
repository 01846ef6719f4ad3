import { createHash } from "node:crypto";
import type { Cluster, Redis } from "ioredis";

/**
 * Lua for the rate governor. Every script reads the clock with Redis `TIME`, so processes on
 * machines with skewed clocks still share one timeline, and checks and records in one atomic step.
 */

type Script = { source: string; sha: string };

function script(source: string): Script {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * KEYS: log (ZSET of credits, scored by time), blocked-until, learnt limit, observed headers
 * (HASH), last grant, and optionally a sub-limit's own log (Freshservice's per-endpoint
 * buckets). ARGV: cost, fixed limit (0 = none), share, window ms, default limit, member prefix,
 * low-remaining fraction, and with the sub-limit log its budget (already share × sub-limit).
 * A call is granted only when it fits both the account's window and its bucket's window, and
 * then counts in both. Returns {1, 0, granted cost} or {0, ms to wait, 0}.
 */
export const ACQUIRE = script(`${NOW}
local cost = tonumber(ARGV[1])
local window = tonumber(ARGV[4])
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then return {0, blocked - now, 0} end

local limit = tonumber(ARGV[2])
if limit <= 0 then limit = tonumber(redis.call('GET', KEYS[3]) or ARGV[5]) end
local budget = math.max(1, math.floor(tonumber(ARGV[3]) * limit))
if cost > budget then cost = budget end
local bucketBudget = tonumber(ARGV[8] or '0')
local bucketed = KEYS[6] ~= nil and bucketBudget > 0
if bucketed and cost > bucketBudget then cost = bucketBudget end

-- ms until cost more credits fit in the log's window under cap; 0 when they fit now
local function waitFor(log, cap)
  redis.call('ZREMRANGEBYSCORE', log, '-inf', now - window)
  local used = redis.call('ZCARD', log)
  if used + cost <= cap then return 0 end
  local index = used + cost - cap - 1
  local entry = redis.call('ZRANGE', log, index, index, 'WITHSCORES')
  return math.max(1, tonumber(entry[2]) + window - now + 1)
end

local wait = waitFor(KEYS[1], budget)
if wait > 0 then return {0, wait, 0} end
if bucketed then
  wait = waitFor(KEYS[6], bucketBudget)
  if wait > 0 then return {0, wait, 0} end
end

local low = tonumber(ARGV[7])
local remaining = tonumber(redis.call('HGET', KEYS[4], 'remaining') or '-1')
local total = tonumber(redis.call('HGET', KEYS[4], 'total') or '0')
if remaining >= 0 and total > 0 and remaining < total * low then
  local gap = math.floor(window * low / math.max(remaining, 1))
  local last = tonumber(redis.call('GET', KEYS[5]) or '0')
  if now - last < gap then return {0, gap - (now - last), 0} end
end

for i = 1, cost do redis.call('ZADD', KEYS[1], now, ARGV[6] .. ':' .. i) end
redis.call('PEXPIRE', KEYS[1], window * 2)
if bucketed then
  for i = 1, cost do redis.call('ZADD', KEYS[6], now, ARGV[6] .. ':' .. i) end
  redis.call('PEXPIRE', KEYS[6], window * 2)
end
redis.call('SET', KEYS[5], now, 'PX', window)
return {1, 0, cost}
`);

/**
 * Re-stamps a permit's credits with the time its response arrived. Freshdesk counted the call
 * somewhere between acquire and now, so holding the credits a full window from *now* keeps
 * every Freshdesk-side window within budget whatever the network latency.
 * KEYS: log, and the sub-limit's log when the permit counted in one. ARGV: window ms, member
 * prefix, cost.
 */
export const SETTLE = script(`${NOW}
for k = 1, #KEYS do
  for i = 1, tonumber(ARGV[3]) do redis.call('ZADD', KEYS[k], now, ARGV[2] .. ':' .. i) end
  redis.call('PEXPIRE', KEYS[k], tonumber(ARGV[1]) * 2)
end
return 1
`);

/** KEYS: blocked-until. ARGV: seconds. Only ever extends the block. */
export const BLOCK = script(`${NOW}
local untilMs = now + math.floor(tonumber(ARGV[1]) * 1000)
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then redis.call('SET', KEYS[1], untilMs, 'PX', math.max(1, untilMs - now)) end
return untilMs
`);

/** KEYS: log, blocked-until. ARGV: window ms. Returns {credits in window, ms still blocked}. */
export const SNAPSHOT = script(`${NOW}
local used = redis.call('ZCOUNT', KEYS[1], '(' .. (now - tonumber(ARGV[1])), '+inf')
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
return {used, math.max(0, blocked - now)}
`);

export async function runScript(
  redis: Redis | Cluster,
  { source, sha }: Script,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes("NOSCRIPT")) throw error;
    return await redis.eval(source, keys.length, ...keys, ...args);
  }
}
