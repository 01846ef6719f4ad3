import { describe, expect, it } from "vitest";
import { BadRequestError } from "../../src/errors.ts";
import { parseFreshserviceWebhookPayload } from "../../src/routes/freshservice-webhook-payload.ts";

describe("the Freshservice Workflow Automator body", () => {
  it("takes the ticket id as a number or a string of digits", () => {
    expect(parseFreshserviceWebhookPayload({ ticket_id: 123 })).toEqual({
      ticketId: 123,
      event: "other",
      hint: {},
    });
    expect(parseFreshserviceWebhookPayload({ ticket_id: " 123 " })).toEqual({
      ticketId: 123,
      event: "other",
      hint: {},
    });
  });

  it("takes the display form a wrong placeholder renders", () => {
    expect(parseFreshserviceWebhookPayload({ ticket_id: "#INC-77" }).ticketId).toBe(77);
    expect(parseFreshserviceWebhookPayload({ ticket_id: "SR-8" }).ticketId).toBe(8);
  });

  it("reads the optional event", () => {
    expect(parseFreshserviceWebhookPayload({ ticket_id: 5, event: "created" }).event).toBe("created");
    expect(parseFreshserviceWebhookPayload({ ticket_id: 5, event: "Updated" }).event).toBe("updated");
    expect(() => parseFreshserviceWebhookPayload({ ticket_id: 5, event: "deleted" })).toThrow(
      /"event" must be "created" or "updated" \(got "deleted"\)/,
    );
  });

  it("keeps known ticket fields as a hint, with or without the ticket_ prefix", () => {
    const event = parseFreshserviceWebhookPayload({
      ticket_id: 9,
      subject: "Laptop won't boot",
      ticket_description: "<p>Black screen</p>",
      urgency: 2,
      requester_email: "ada@example.com",
      workflow: "ignored",
      category: null,
    });
    expect(event.hint).toEqual({
      subject: "Laptop won't boot",
      description: "<p>Black screen</p>",
      urgency: "2",
      requester_email: "ada@example.com",
    });
  });

  it("refuses bodies that cannot name a ticket, saying why", () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /must be a JSON object/],
      [[{ ticket_id: 1 }], /must be a JSON object/],
      [{}, /"ticket_id" is required/],
      [{ ticket_id: "" }, /"ticket_id" is required/],
      [{ ticket_id: 0 }, /positive integer \(got 0\)/],
      [{ ticket_id: -4 }, /positive integer/],
      [{ ticket_id: 1.5 }, /positive integer/],
      [{ ticket_id: "12abc" }, /positive integer \(got "12abc"\)/],
      [{ ticket_id: true }, /positive integer/],
      [{ ticket_id: { id: 1 } }, /"ticket_id" must be a string, number, boolean or null/],
    ];
    for (const [body, message] of cases) {
      expect(() => parseFreshserviceWebhookPayload(body)).toThrow(BadRequestError);
      expect(() => parseFreshserviceWebhookPayload(body)).toThrow(message);
    }
  });
});
