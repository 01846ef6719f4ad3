import { z } from "zod";
import type { TicketPriority } from "./taxonomy.ts";

/**
 * What a classifier (the language model or the local model) says about a ticket. Both engines
 * return exactly this shape; the schema is also what constrains the model's output, so every
 * field is a closed set or a bounded value except the free-text ones, which only the note
 * step writes (HTML-escaped).
 */

export const SENTIMENTS = ["very_negative", "negative", "neutral", "positive"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** `spam` and `auto_reply` tickets are not worth an agent's time; `none` is a real request. */
export const TICKET_FLAGS = ["none", "spam", "auto_reply"] as const;
export type TicketFlag = (typeof TICKET_FLAGS)[number];

export type Classification = {
  category: string;
  /** 0..1: how sure the engine is about `category`. */
  confidence: number;
  sentiment: Sentiment;
  /** ISO 639-1 code, or "unknown". */
  language: string;
  priority: { value: TicketPriority; reason: string };
  flag: TicketFlag;
  /** One line. */
  summary: string;
  /** A reply an agent can start from; never sent automatically. */
  suggestedReply: string;
};

/**
 * The schema the model must fill. No string length limits here: strict structured-output modes
 * do not all accept them, so lengths are clamped afterwards by `normalizeClassification`.
 */
export function classificationSchema(categories: readonly [string, ...string[]]) {
  // Strict: an answer with fields we did not ask for is not the answer we asked for.
  return z.strictObject({
    category: z.enum(categories),
    confidence: z.number().min(0).max(1),
    sentiment: z.enum(SENTIMENTS),
    language: z.string().regex(/^(?:[a-z]{2}|unknown)$/),
    priority: z.strictObject({
      value: z.int().min(1).max(4),
      reason: z.string(),
    }),
    flag: z.enum(TICKET_FLAGS),
    summary: z.string(),
    suggestedReply: z.string(),
  });
}

export const LIMITS = { reason: 300, summary: 200, suggestedReply: 4000 } as const;

/** Clamps free text to sane lengths and collapses the summary to one line. */
export function normalizeClassification(value: {
  category: string;
  confidence: number;
  sentiment: Sentiment;
  language: string;
  priority: { value: number; reason: string };
  flag: TicketFlag;
  summary: string;
  suggestedReply: string;
}): Classification {
  return {
    category: value.category,
    confidence: Math.min(1, Math.max(0, value.confidence)),
    sentiment: value.sentiment,
    language: value.language,
    priority: {
      value: toPriority(value.priority.value),
      reason: clip(oneLine(value.priority.reason), LIMITS.reason),
    },
    flag: value.flag,
    summary: clip(oneLine(value.summary), LIMITS.summary),
    suggestedReply: clip(value.suggestedReply.trim(), LIMITS.suggestedReply),
  };
}

export function toPriority(value: number): TicketPriority {
  const rounded = Math.round(value);
  if (rounded <= 1) return 1;
  if (rounded >= 4) return 4;
  return rounded as TicketPriority;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
