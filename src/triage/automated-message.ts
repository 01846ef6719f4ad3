import type { TicketFlag } from "./classification.ts";
import { normalizeText } from "./text.ts";

/**
 * Recognises tickets no person needs to read: out-of-office and other auto-replies, bounces,
 * and obvious spam. Used by the guard (before any classification is paid for) and by the local
 * classifier's flag. Patterns are conservative: a missed auto-reply costs one triage run, a
 * false positive costs a customer an answer.
 */

const AUTO_REPLY_SUBJECT = new RegExp(
  [
    "^(?:re:\\s*)?auto(?:matic)?[\\s-]?(?:reply|response|answer)",
    "^autoreply",
    "out of (?:the )?office",
    "^ooo\\b",
    "away from (?:the )?office",
    "abwesenheitsnotiz",
    "automatische antwort",
    "reponse automatique",
    "respuesta automatica",
    "fuera de la oficina",
    "delivery status notification",
    "^undeliverable",
    "^undelivered mail",
    "mail delivery (?:failed|subsystem)",
    "^returned mail",
    "^failure notice",
  ].join("|"),
);

const AUTO_REPLY_BODY = new RegExp(
  [
    "\\bi am (?:currently )?out of (?:the )?office\\b",
    "\\bi'?m (?:currently )?out of (?:the )?office\\b",
    "\\bi am (?:currently )?away (?:from|until)\\b",
    "\\bthis is an automat(?:ed|ic) (?:reply|response|message|notification)\\b",
    "\\bi will (?:be back|return) on\\b.*\\blimited access to (?:my )?e-?mail\\b",
    "\\bdelivery to the following recipients? failed\\b",
  ].join("|"),
);

const AUTOMATED_SENDER = /^(?:mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)(?:[+.-][^@]*)?@/i;

const SPAM_PHRASES = [
  "viagra",
  "cialis",
  "casino",
  "crypto investment",
  "bitcoin investment",
  "double your bitcoin",
  "guaranteed returns",
  "seo services",
  "rank your website",
  "first page of google",
  "backlinks",
  "guest post",
  "you have won",
  "claim your prize",
  "lottery",
  "wire transfer fee",
  "beneficiary",
  "weight loss",
  "work from home and earn",
  "dear friend",
  "100% free",
  "click here",
  "unsubscribe from this list",
];

export type AutomatedMessageInput = {
  subject: string;
  text: string;
  fromEmail?: string | undefined;
};

export type AutomatedMessageVerdict = { flag: TicketFlag; evidence?: string };

export function detectAutomatedMessage(input: AutomatedMessageInput): AutomatedMessageVerdict {
  const subject = normalizeText(input.subject).trim();
  const text = normalizeText(input.text);
  if (input.fromEmail && AUTOMATED_SENDER.test(input.fromEmail.trim())) {
    // A no-reply sender alone is not enough: shops and tools email support from no-reply
    // addresses on behalf of customers. Combined with an auto-reply subject or body it is.
    if (
      AUTO_REPLY_SUBJECT.test(subject) ||
      AUTO_REPLY_BODY.test(text) ||
      /daemon|postmaster/i.test(input.fromEmail)
    ) {
      return { flag: "auto_reply", evidence: "automated sender address" };
    }
  }
  if (AUTO_REPLY_SUBJECT.test(subject)) return { flag: "auto_reply", evidence: "auto-reply subject" };
  if (AUTO_REPLY_BODY.test(text)) return { flag: "auto_reply", evidence: "auto-reply wording" };

  const combined = `${subject}\n${text}`;
  const hits = SPAM_PHRASES.filter((phrase) => combined.includes(phrase));
  const links = (combined.match(/https?:\/\//g) ?? []).length;
  if (hits.length >= 2 || (hits.length === 1 && links >= 3)) {
    return { flag: "spam", evidence: `spam wording (${hits.slice(0, 3).join(", ")})` };
  }
  return { flag: "none" };
}
