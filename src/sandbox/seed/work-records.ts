// Time logged on the seeded tickets and the customers' satisfaction ratings of resolved ones,
// derived from the tickets so the two always agree with who worked on what.
import { toFdTimestamp } from "./clock.ts";
import { SEQUENCE, SURVEY_ID, sequenceId } from "./ids.ts";
import type { FdSatisfactionRating, FdTicket, FdTimeEntry } from "./types.ts";

const RESOLVED = new Set([4, 5]);
const RATINGS = [103, 102, 101, 100, -101, 102, 103, -102];
const FEEDBACK = [
  "Quick and clear, thank you!",
  "Solved on the first reply.",
  "Fine, though it took a while.",
  "",
  "I had to explain the problem twice.",
  "Friendly and helpful.",
  "Great support as always.",
  "The workaround did not really fix it.",
];

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export function buildTimeEntries(tickets: readonly FdTicket[]): FdTimeEntry[] {
  const entries: FdTimeEntry[] = [];
  for (const ticket of tickets) {
    if (ticket.responder_id === null || ticket.id % 3 !== 0) continue;
    const minutes = 10 + ((ticket.id * 7) % 50);
    const start = ticket.updated_at;
    const executed = `${ticket.updated_at.slice(0, 10)}T00:00:00Z`;
    entries.push({
      billable: ticket.id % 2 === 0,
      note: ticket.id % 2 === 0 ? "Investigation and reply" : "",
      id: sequenceId(SEQUENCE.timeEntry, entries.length),
      timer_running: false,
      agent_id: ticket.responder_id,
      ticket_id: ticket.id,
      company_id: ticket.company_id,
      time_spent: hhmm(minutes),
      executed_at: executed,
      start_time: start,
      created_at: start,
      updated_at: start,
    });
  }
  return entries;
}

export function buildSatisfactionRatings(
  tickets: readonly FdTicket[],
  nowMs: number,
): FdSatisfactionRating[] {
  const ratings: FdSatisfactionRating[] = [];
  for (const ticket of tickets) {
    if (!RESOLVED.has(ticket.status) || ticket.deleted || ticket.spam) continue;
    const index = ratings.length;
    // A customer rates a little after the resolution.
    const at = toFdTimestamp(Math.min(nowMs, Date.parse(ticket.updated_at) + (30 + index * 11) * 60_000));
    ratings.push({
      id: sequenceId(SEQUENCE.satisfactionRating, index),
      survey_id: SURVEY_ID,
      user_id: ticket.requester_id,
      agent_id: ticket.responder_id,
      feedback: FEEDBACK[index % FEEDBACK.length]!,
      group_id: ticket.group_id,
      ticket_id: ticket.id,
      created_at: at,
      updated_at: at,
      ratings: { default_question: RATINGS[index % RATINGS.length]! },
    });
  }
  return ratings;
}
