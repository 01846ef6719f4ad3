/**
 * Freshdesk's error text goes to MCP clients, job results and logs. A proxy or a misbehaving
 * endpoint can echo the request back, so before anything is kept, credentials are cut out: the
 * API key itself (also base64-encoded as in the Basic header we send), and whatever follows
 * an Authorization header, a Basic/Bearer scheme, or a key/password/token field.
 */
export type Redact = (text: string) => string;

const REDACTED = "[redacted]";

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // `Authorization: Basic abc…`, `"authorization":"Bearer abc…"`, `authorization=abc…`
  [
    /\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)(?:(?:basic|bearer|token|digest)\s+)?[^\s"',;&}]+/gi,
    `$1$2${REDACTED}`,
  ],
  [/\b(basic|bearer)\s+[A-Za-z0-9+/=._~-]{8,}/gi, `$1 ${REDACTED}`],
  [
    /\b(api[_-]?key|x-api-key|password|passwd|secret|token)(["']?\s*[:=]\s*["']?)[^\s"',;&}]+/gi,
    `$1$2${REDACTED}`,
  ],
];

export function createRedactor(apiKey: string): Redact {
  const secrets = [apiKey, base64(`${apiKey}:X`), base64(apiKey), encodeURIComponent(apiKey)]
    .filter((secret) => secret.length >= 6)
    // Longest first, so the encoded forms are not half-replaced through the plain key.
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let clean = text;
    for (const secret of secrets) clean = clean.split(secret).join(REDACTED);
    for (const [pattern, replacement] of PATTERNS) clean = clean.replace(pattern, replacement);
    return clean;
  };
}

function base64(text: string): string {
  return Buffer.from(text).toString("base64");
}
