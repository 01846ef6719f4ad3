import { describe, expect, it } from "vitest";
import { ConversationMap } from "../../src/sandbox/conversation-map.ts";
import type { FdConversation } from "../../src/sandbox/seed/types.ts";

const conversation = (id: number, ticketId: number) => ({ id, ticket_id: ticketId }) as FdConversation;
const ids = (list: FdConversation[]) => list.map((c) => c.id).sort((a, b) => a - b);

describe("ConversationMap", () => {
  it("lists each ticket's own conversations through set, replace, delete and clear", () => {
    const map = new ConversationMap();
    map.set(1, conversation(1, 10)).set(2, conversation(2, 10)).set(3, conversation(3, 11));
    expect(ids(map.ofTicket(10))).toEqual([1, 2]);
    expect(ids(map.ofTicket(11))).toEqual([3]);
    expect(map.ofTicket(12)).toEqual([]);

    map.set(2, conversation(2, 11));
    expect(ids(map.ofTicket(10))).toEqual([1]);
    expect(ids(map.ofTicket(11))).toEqual([2, 3]);

    expect(map.delete(3)).toBe(true);
    expect(map.delete(3)).toBe(false);
    expect(ids(map.ofTicket(11))).toEqual([2]);
    expect(map.size).toBe(2);

    map.clear();
    expect(map.ofTicket(10)).toEqual([]);
    expect(map.size).toBe(0);
  });
});
