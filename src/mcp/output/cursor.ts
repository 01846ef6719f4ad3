import { createHmac, timingSafeEqual } from "node:crypto";
import { BadRequestError } from "../../errors.ts";

/**
 * Opaque paging cursors: the tool name, where the next result starts (a Freshdesk page and how
 * many of its items earlier results already returned) and the query's arguments, so a
 * follow-up call needs only the cursor and cannot be mixed with another query.
 *
 * A cursor is `payload.signature`, both base64url: the payload is JSON and the signature an
 * HMAC-SHA256 of it under the server's secret. The arguments in a cursor reach Freshdesk
 * queries, so a cursor the server did not issue is refused before anything in it is read.
 */

export type Position = { page: number; offset: number };

export type DecodedCursor = { position: Position; args: Record<string, unknown> };

export type CursorCodec = {
  encode(tool: string, position: Position, args: Record<string, unknown>): string;
  /** Throws BadRequestError unless `cursor` was issued by this server for `tool`. */
  decode(tool: string, cursor: string): DecodedCursor;
};

type Payload = { t: string; p: number; o: number; a: Record<string, unknown> };

const MIN_SECRET_LENGTH = 16;

export function createCursorCodec(secret: string): CursorCodec {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`the cursor secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  const sign = (payload: string) => createHmac("sha256", secret).update(payload).digest();
  const refuse = (tool: string) =>
    new BadRequestError(
      `Invalid cursor: it is not one that ${tool} returned (it may be altered, cut, or from before a restart). Pass next_cursor from the previous ${tool} result unchanged, or repeat the query without a cursor.`,
    );

  return {
    encode(tool, position, args) {
      const payload: Payload = { t: tool, p: position.page, o: position.offset, a: args };
      const encoded = Buffer.from(JSON.stringify(payload)).toString("base64url");
      return `${encoded}.${sign(encoded).toString("base64url")}`;
    },
    decode(tool, cursor) {
      const [encoded, signature, ...rest] = cursor.split(".");
      if (!encoded || !signature || rest.length > 0) throw refuse(tool);
      const given = Buffer.from(signature, "base64url");
      const expected = sign(encoded);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse(tool);
      const payload = parsePayload(encoded);
      if (!payload || payload.t !== tool) throw refuse(tool);
      return { position: { page: payload.p, offset: payload.o }, args: payload.a };
    },
  };
}

function parsePayload(encoded: string): Payload | undefined {
  try {
    const value = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as Partial<Payload>;
    if (
      typeof value?.t !== "string" ||
      !Number.isInteger(value.p) ||
      (value.p as number) < 1 ||
      !Number.isInteger(value.o) ||
      (value.o as number) < 0 ||
      !value.a ||
      typeof value.a !== "object" ||
      Array.isArray(value.a)
    ) {
      return undefined;
    }
    return value as Payload;
  } catch {
    return undefined;
  }
}
