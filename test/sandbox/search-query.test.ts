import { describe, expect, it } from "vitest";
import {
  companySearchDocument,
  contactSearchDocument,
  INVALID_QUERY_MESSAGE,
  matchesQuery,
  parseSearchPage,
  parseSearchQuery,
  type QueryExpr,
  type SearchDocument,
  ticketSearchDocument,
  unknownKeys,
  validateSearchQuery,
} from "../../src/sandbox/search-query.ts";
import type { FdCompany, FdContact, FdTicket, FdTicketField } from "../../src/sandbox/seed/types.ts";

const INVALID = {
  field: "query",
  code: "invalid_value",
  message:
    "Given query is invalid, expected format \"keyword:value  OPERATOR keyword:'string' OPERATOR " +
    "keyword:>'yyyy-mm-dd' OPERATOR keyword:<integer\". Space is mandatory between key/value pair and " +
    "operator. Please check the paranthesis if there are any.",
};

function parsed(query: string): QueryExpr {
  const result = parseSearchQuery(`"${query}"`);
  if (!result.ok) throw new Error(`expected "${query}" to parse: ${result.error.message}`);
  return result.expr;
}

function field(name: string, type: string): FdTicketField {
  const stamp = "2024-01-01T00:00:00Z";
  return {
    ...{ id: name.length, name, label: name, description: "", position: 1, required_for_closure: false },
    ...{
      required_for_agents: false,
      type,
      default: false,
      customers_can_edit: false,
      label_for_customers: name,
    },
    ...{ required_for_customers: false, displayed_to_customers: false, created_at: stamp, updated_at: stamp },
  };
}

const TICKET_FIELDS = [
  field("status", "default_status"),
  field("cf_order_ref", "custom_text"),
  field("cf_notes", "custom_paragraph"),
  field("cf_seats", "custom_number"),
  field("cf_plan", "custom_dropdown"),
  field("cf_region", "custom_dropdown"),
  field("cf_vip", "custom_checkbox"),
];

function ticket(overrides: Partial<FdTicket> = {}): FdTicket {
  return {
    ...{ cc_emails: [], fwd_emails: [], reply_cc_emails: [], ticket_cc_emails: [], fr_escalated: false },
    ...{
      spam: false,
      email_config_id: null,
      group_id: 7,
      priority: 2,
      requester_id: 501,
      responder_id: 9001,
    },
    ...{ source: 2, company_id: null, status: 2, subject: "Printer on fire", association_type: null },
    ...{ to_emails: null, product_id: null, id: 1, type: "Incident", due_by: "2024-03-12T17:00:00Z" },
    ...{ fr_due_by: "2024-03-11T09:00:00Z", is_escalated: false, description: "<p>Help</p>" },
    ...{ description_text: "Help", created_at: "2024-03-10T08:30:00Z", updated_at: "2024-03-10T23:59:59Z" },
    custom_fields: {
      cf_order_ref: "A-100",
      cf_notes: "long text",
      cf_seats: 25,
      cf_plan: "Pro",
      cf_region: "EU",
    },
    ...{ tags: ["billing", "VIP"], attachments: [], source_additional_info: null },
    ...overrides,
  };
}

const doc = (overrides: Partial<FdTicket> = {}): SearchDocument =>
  ticketSearchDocument(ticket(overrides), TICKET_FIELDS);
const matches = (query: string, document: SearchDocument = doc()): boolean =>
  matchesQuery(parsed(query), document);

describe("parseSearchQuery: request form and errors", () => {
  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["a lone double quote", '"'],
    ["unquoted", "priority:3"],
    ["single-quoted", "'priority:3'"],
    ["opened but not closed", '"priority:3'],
    ["empty inside quotes", '""'],
    ["only spaces inside quotes", '"   "'],
    ["a double quote inside", '"type:"x""'],
  ])("rejects a %s query with Freshdesk's verbatim message", (_name, raw) => {
    expect(parseSearchQuery(raw)).toEqual({ ok: false, error: INVALID });
  });

  it("exports the verbatim message", () => {
    expect(INVALID_QUERY_MESSAGE).toBe(INVALID.message);
  });

  it.each([
    ["no space before AND", "priority:3AND status:2"],
    ["no space after AND", "priority:3 AND(status:2)"],
    ["no space before OR after a parenthesis", "(priority:3)OR status:2"],
    ["a space after the colon", "priority: 3"],
    ["a space before the colon", "priority :3"],
    ["two pairs without an operator", "priority:3 status:2"],
    ["a dangling operator", "priority:3 AND"],
    ["a leading operator", "OR priority:3"],
    ["two operators in a row", "priority:3 AND OR status:2"],
    ["an unknown operator word", "priority:3 NOT status:2"],
    ["an unclosed parenthesis", "(priority:3 OR status:2"],
    ["an extra closing parenthesis", "priority:3 OR status:2)"],
    ["empty parentheses", "()"],
    ["an unterminated string", "type:'Question"],
    ["a missing value", "priority:"],
    ["a keyword starting with a digit", "1priority:3"],
    ["a bare value with a dot", "type:a.b"],
    ["a minus that is not a number", "priority:-x"],
    ["a text bound", "created_at:>'yesterday'"],
    ["an impossible date bound", "created_at:>'2024-02-30'"],
    ["a date bound with milliseconds", "created_at:>'2024-01-01T00:00:00.000Z'"],
    ["an unquoted date bound", "created_at:>2024-01-01"],
    ["a bare word bound", "priority:>high"],
    ["an integer too large to be exact", "group_id:99999999999999999999"],
    ["text stuck to a quoted value", "type:'Question'x"],
    ["a tab as separator", "priority:3\tAND status:2"],
  ])("rejects %s", (_name, query) => {
    expect(parseSearchQuery(`"${query}"`)).toEqual({ ok: false, error: INVALID });
  });

  it("accepts exactly 512 characters inside the quotes and reports the length above that", () => {
    const pair = "priority:1 OR ";
    const atLimit = `${pair.repeat(36)}status:2`.padEnd(512, " ");
    expect(atLimit).toHaveLength(512);
    expect(parseSearchQuery(`"${atLimit}"`).ok).toBe(true);
    expect(parseSearchQuery(`"${atLimit} "`)).toEqual({
      ok: false,
      error: {
        field: "query",
        code: "invalid_value",
        message: "Has 513 characters, it can have maximum of 512 characters",
      },
    });
    expect(parseSearchQuery(`"${"x".repeat(600)}"`)).toMatchObject({
      ok: false,
      error: { message: "Has 600 characters, it can have maximum of 512 characters" },
    });
  });
});

describe("parseSearchQuery: grammar", () => {
  it("reads the value forms", () => {
    expect(parsed("priority:3")).toEqual({
      type: "equals",
      key: "priority",
      literal: { kind: "integer", value: 3 },
    });
    expect(parsed("cf_seats:-12")).toEqual({
      type: "equals",
      key: "cf_seats",
      literal: { kind: "integer", value: -12 },
    });
    expect(parsed("type:'Feature Request'")).toEqual({
      type: "equals",
      key: "type",
      literal: { kind: "string", value: "Feature Request" },
    });
    expect(parsed("email:jo_e@x")).toMatchObject({ literal: { kind: "string", value: "jo_e@x" } });
    expect(parsed("tag:null")).toEqual({ type: "equals", key: "tag", literal: { kind: "null" } });
    expect(parsed("type:'null'")).toMatchObject({ literal: { kind: "string", value: "null" } });
    expect(parsed("priority:>3")).toEqual({
      type: "range",
      key: "priority",
      op: "atLeast",
      bound: { kind: "integer", value: 3 },
    });
    expect(parsed("created_at:<'2024-03-10T08:30:00Z'")).toMatchObject({
      op: "atMost",
      bound: {
        kind: "date",
        date: { dateOnly: false, day: "2024-03-10", epochMs: Date.UTC(2024, 2, 10, 8, 30) },
      },
    });
  });

  it("binds AND tighter than OR", () => {
    expect(parsed("priority:1 OR priority:2 AND status:3")).toEqual({
      type: "or",
      operands: [parsed("priority:1"), { type: "and", operands: [parsed("priority:2"), parsed("status:3")] }],
    });
  });

  it("lets parentheses override precedence and nest", () => {
    expect(parsed("(priority:1 OR priority:2) AND status:3")).toEqual({
      type: "and",
      operands: [{ type: "or", operands: [parsed("priority:1"), parsed("priority:2")] }, parsed("status:3")],
    });
    expect(parsed("((priority:1))")).toEqual(parsed("priority:1"));
  });

  it("treats AND and OR case-insensitively and tolerates extra spaces", () => {
    expect(parsed("  priority:1  or priority:2 And ( status:3 )  ")).toEqual(
      parsed("priority:1 OR priority:2 AND status:3"),
    );
  });
});

describe("parseSearchPage", () => {
  it("defaults to 1 and accepts 1..10", () => {
    expect(parseSearchPage(undefined)).toEqual({ ok: true, page: 1 });
    expect(parseSearchPage("10")).toEqual({ ok: true, page: 10 });
  });

  it.each(["0", "11", "-1", "2.5", "two", ""])("rejects %j with the page message", (raw) => {
    expect(parseSearchPage(raw)).toEqual({
      ok: false,
      error: {
        field: "page",
        code: "datatype_mismatch",
        message: "It should be a Positive Integer less than or equal to 10",
      },
    });
  });
});

describe("matchesQuery on tickets", () => {
  it("compares numbers, with agent_id reading responder_id", () => {
    expect(matches("priority:2")).toBe(true);
    expect(matches("priority:3")).toBe(false);
    expect(matches("agent_id:9001")).toBe(true);
    expect(matches("group_id:7")).toBe(true);
  });

  it("compares text case-insensitively and as whole values", () => {
    expect(matches("type:'incident'")).toBe(true);
    expect(matches("type:Incident")).toBe(true);
    expect(matches("type:'Incid'")).toBe(false);
    expect(matches("tag:'vip'")).toBe(true);
    expect(matches("tag:'bill'")).toBe(false);
  });

  it("matches null only when the field has no value", () => {
    expect(matches("tag:null")).toBe(false);
    expect(matches("tag:null", doc({ tags: [] }))).toBe(true);
    expect(matches("agent_id:null", doc({ responder_id: null }))).toBe(true);
    expect(matches("type:null", doc({ type: null }))).toBe(true);
    expect(matches("nr_due_by:null")).toBe(true);
    expect(matches("cf_order_ref:null", doc({ custom_fields: { cf_order_ref: "" } }))).toBe(true);
    expect(matches("cf_order_ref:null")).toBe(false);
  });

  it("applies inclusive integer bounds", () => {
    expect(matches("priority:>2")).toBe(true);
    expect(matches("priority:>3")).toBe(false);
    expect(matches("priority:<2")).toBe(true);
    expect(matches("priority:<1")).toBe(false);
    expect(matches("cf_seats:>-5 AND cf_seats:<25")).toBe(true);
  });

  it("compares date-only bounds by whole UTC day, inclusive", () => {
    // created 2024-03-10T08:30:00Z, updated 2024-03-10T23:59:59Z
    expect(matches("created_at:>'2024-03-10'")).toBe(true);
    expect(matches("created_at:<'2024-03-10'")).toBe(true);
    expect(matches("updated_at:<'2024-03-10'")).toBe(true);
    expect(matches("created_at:>'2024-03-11'")).toBe(false);
    expect(matches("created_at:<'2024-03-09'")).toBe(false);
    expect(matches("created_at:'2024-03-10'")).toBe(true);
    expect(matches("created_at:'2024-03-11'")).toBe(false);
  });

  it("compares timestamp bounds to the second, inclusive", () => {
    expect(matches("created_at:>'2024-03-10T08:30:00Z'")).toBe(true);
    expect(matches("created_at:>'2024-03-10T08:30:01Z'")).toBe(false);
    expect(matches("created_at:<'2024-03-10T08:30:00Z'")).toBe(true);
    expect(matches("created_at:<'2024-03-10T08:29:59Z'")).toBe(false);
    expect(matches("due_by:>'2024-03-12T17:00:00Z' AND fr_due_by:<'2024-03-11'")).toBe(true);
  });

  it("never matches a bound of the wrong kind", () => {
    expect(matches("priority:>'2024-01-01'")).toBe(false);
    expect(matches("created_at:>1")).toBe(false);
    expect(matches("created_at:3")).toBe(false);
  });

  it("evaluates precedence and parentheses", () => {
    // priority 2, status 2
    expect(matches("priority:1 OR priority:2 AND status:3")).toBe(false);
    expect(matches("priority:2 OR priority:1 AND status:3")).toBe(true);
    expect(matches("(priority:1 OR priority:2) AND status:2")).toBe(true);
    expect(matches("(priority:1 OR priority:2) AND status:3")).toBe(false);
    expect(matches("priority:1 AND status:9 OR type:'incident'")).toBe(true);
  });

  it("searches custom fields under their custom_fields key", () => {
    expect(matches("cf_order_ref:'a-100'")).toBe(true);
    expect(matches("cf_seats:25")).toBe(true);
    expect(matches("cf_plan:'pro'")).toBe(true);
    expect(matches("cf_vip:true")).toBe(false);
    expect(matches("cf_vip:null")).toBe(true);
    expect(matches("cf_vip:true", doc({ custom_fields: { cf_vip: true } }))).toBe(true);
    expect(matches("cf_vip:false", doc({ custom_fields: { cf_vip: false } }))).toBe(true);
  });

  it("searches every custom field of a type with custom_string, custom_number and custom_dropdown", () => {
    expect(matches("custom_dropdown:'eu'")).toBe(true);
    expect(matches("custom_dropdown:'pro'")).toBe(true);
    expect(matches("custom_dropdown:'a-100'")).toBe(false);
    expect(matches("custom_string:'A-100'")).toBe(true);
    expect(matches("custom_string:'long text'")).toBe(false);
    expect(matches("custom_number:25")).toBe(true);
    expect(matches("custom_number:>26")).toBe(false);
  });

  it("does not match keys the document cannot search", () => {
    expect(matches("subject:'Printer on fire'")).toBe(false);
    expect(matches("cf_notes:'long text'")).toBe(false);
  });
});

describe("matchesQuery on contacts and companies", () => {
  const contact: FdContact = {
    ...{ active: true, address: null, company_id: 31, view_all_tickets: false, description: null },
    ...{ email: "Ada@Example.com", id: 501, job_title: null, language: "en", mobile: null, name: "Ada" },
    ...{ phone: "5551234", time_zone: "Berlin", twitter_id: "ada_l", tags: ["beta"] },
    custom_fields: { employee_count: 40, newsletter: false, tier: "Gold", renewal: null },
    ...{ other_emails: ["ada@work.example"], facebook_id: null, created_at: "2023-05-01T10:00:00Z" },
    ...{ updated_at: "2024-01-02T10:00:00Z", csat_rating: null, preferred_source: null, avatar: null },
  };
  const company: FdCompany = {
    ...{ id: 31, name: "Lex Corp", description: null, note: null, domains: ["lexcorp.org", "lexcorp.us"] },
    custom_fields: { sector: 5, private: true, account_tier: "VIP" },
    ...{ created_at: "2017-12-01T06:17:09Z", updated_at: "2020-07-12T07:34:21Z" },
  };
  const contactDoc = contactSearchDocument(contact);
  const companyDoc = companySearchDocument(company);

  it("searches the contact keys of §6.3", () => {
    expect(matchesQuery(parsed("email:'ada@example.com'"), contactDoc)).toBe(true);
    expect(matchesQuery(parsed("email:'ada@work.example'"), contactDoc)).toBe(true);
    expect(matchesQuery(parsed("active:true AND company_id:31"), contactDoc)).toBe(true);
    expect(matchesQuery(parsed("active:false"), contactDoc)).toBe(false);
    expect(matchesQuery(parsed("phone:5551234 AND mobile:null"), contactDoc)).toBe(true);
    expect(matchesQuery(parsed("twitter_id:ada_l AND tag:beta AND language:en"), contactDoc)).toBe(true);
    expect(matchesQuery(parsed("time_zone:'berlin' AND created_at:<'2023-05-01'"), contactDoc)).toBe(true);
  });

  it("searches contact custom fields without a cf_ prefix", () => {
    expect(matchesQuery(parsed("employee_count:>40 AND tier:'gold'"), contactDoc)).toBe(true);
    expect(matchesQuery(parsed("newsletter:false AND renewal:null"), contactDoc)).toBe(true);
    expect(matchesQuery(parsed("cf_tier:'gold'"), contactDoc)).toBe(false);
  });

  it("searches company domains, dates and custom fields", () => {
    expect(matchesQuery(parsed("domain:'LEXCORP.US'"), companyDoc)).toBe(true);
    expect(matchesQuery(parsed("domain:'lexcorp'"), companyDoc)).toBe(false);
    expect(matchesQuery(parsed("sector:5 AND private:true AND account_tier:'vip'"), companyDoc)).toBe(true);
    expect(matchesQuery(parsed("updated_at:>'2020-07-12T07:34:21Z'"), companyDoc)).toBe(true);
  });
});

describe("unknownKeys and validateSearchQuery", () => {
  it("lists keys the resource cannot search, once each", () => {
    const expr = parsed("subject:'x' OR priority:1 OR subject:'y' OR cf_plan:'Pro' OR cf_nope:1");
    expect(unknownKeys(expr, "tickets", doc())).toEqual(["subject", "cf_nope"]);
    expect(unknownKeys(expr, "tickets")).toEqual(["subject", "cf_plan", "cf_nope"]);
    expect(unknownKeys(parsed("domain:'a' AND email:'b'"), "companies")).toEqual(["email"]);
    expect(unknownKeys(parsed("Priority:1"), "tickets")).toEqual(["Priority"]);
  });

  it("reports an unknown key as invalid_field", () => {
    expect(validateSearchQuery(parsed("priority:1 AND subject:'x'"), "tickets", doc())).toEqual([
      { field: "subject", message: "Unexpected/invalid field in request", code: "invalid_field" },
    ]);
  });

  it("reports values of the wrong kind for the key", () => {
    const errors = validateSearchQuery(
      parsed(
        "priority:'high' OR created_at:'soon' OR type:>3 OR cf_vip:maybe OR due_by:>5 OR status:<'2024-01-01'",
      ),
      "tickets",
      doc(),
    );
    expect(errors).toEqual([
      { field: "priority", message: "It should be a/an Integer", code: "datatype_mismatch" },
      {
        field: "created_at",
        message: "It should be a date in the format 'yyyy-mm-dd' or 'yyyy-mm-ddThh:mm:ssZ'",
        code: "datatype_mismatch",
      },
      {
        field: "type",
        message: "The :> and :< operators apply only to date and number fields",
        code: "invalid_value",
      },
      { field: "cf_vip", message: "It should be one of these values: 'true,false'", code: "invalid_value" },
      {
        field: "due_by",
        message: "It should be a date in the format 'yyyy-mm-dd' or 'yyyy-mm-ddThh:mm:ssZ'",
        code: "datatype_mismatch",
      },
      { field: "status", message: "It should be a/an Integer", code: "datatype_mismatch" },
    ]);
  });

  it("accepts well-typed queries, null on any key and integers on text keys", () => {
    const expr = parsed(
      "priority:>2 AND created_at:'2024-03-10' AND tag:null AND cf_order_ref:100 AND cf_vip:TRUE AND type:'x'",
    );
    expect(validateSearchQuery(expr, "tickets", doc())).toEqual([]);
    expect(validateSearchQuery(parsed("active:true AND email:null"), "contacts")).toEqual([]);
  });
});
