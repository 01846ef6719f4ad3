import { describe, expect, it } from "vitest";
import type { FdTicketField, SeedData } from "../../src/sandbox/seed/index.ts";
import { buildSeed, VIP_COMPANY_FIELD, VIP_COMPANY_VALUE } from "../../src/sandbox/seed/index.ts";

const NOW = Date.parse("2025-06-15T12:00:00.250Z");
const NOW_SECONDS = Date.parse("2025-06-15T12:00:00Z");
const DAY_MS = 86_400_000;
const seed = buildSeed(NOW);

const keys = (list: string) => list.split(" ");

// Key orders from the wire reference (shared/reference/freshdesk-api.md §5.1, §5.7, §7, §8).
const TICKET_KEYS = keys(
  "cc_emails fwd_emails reply_cc_emails ticket_cc_emails fr_escalated spam email_config_id group_id " +
    "priority requester_id responder_id source company_id status subject association_type to_emails " +
    "product_id id type due_by fr_due_by is_escalated description description_text custom_fields " +
    "created_at updated_at tags attachments source_additional_info",
);
const CONVERSATION_KEYS = keys(
  "body body_text id incoming private user_id support_email source category to_emails from_email " +
    "cc_emails bcc_emails email_failure_count outgoing_failures created_at updated_at attachments " +
    "ticket_id source_additional_info",
);
const CONTACT_KEYS = keys(
  "active address company_id view_all_tickets description email id job_title language mobile name " +
    "phone time_zone twitter_id custom_fields tags other_emails facebook_id created_at updated_at " +
    "csat_rating preferred_source avatar",
);
const COMPANY_KEYS = keys("id name description note domains custom_fields created_at updated_at");
const AGENT_KEYS = keys(
  "available occasional id ticket_scope signature group_ids role_ids skill_ids created_at " +
    "updated_at last_active_at available_since type contact",
);
const AGENT_CONTACT_KEYS = keys(
  "active email job_title language last_login_at mobile name phone time_zone created_at updated_at",
);
const GROUP_KEYS = keys(
  "id name description escalate_to unassigned_for business_hour_id agent_ids group_type created_at " +
    "updated_at",
);
const ARTICLE_KEYS = keys(
  "id type status agent_id created_at category_id folder_id title updated_at description " +
    "description_text seo_data tags attachments cloud_files thumbs_up thumbs_down hits suggested " +
    "feedback_count",
);
const FOLDER_KEYS = keys("id name description visibility category_id created_at updated_at");
const CATEGORY_KEYS = keys("id name description created_at updated_at");
const CANNED_KEYS = keys("id title folder_id content content_html attachments created_at updated_at");
const TICKET_FIELD_KEYS = keys(
  "id name label description position required_for_closure required_for_agents type default " +
    "customers_can_edit label_for_customers required_for_customers displayed_to_customers created_at " +
    "updated_at",
);

function idsOf(items: { id: number }[]): Set<number> {
  return new Set(items.map((item) => item.id));
}

function field(data: SeedData, type: string): FdTicketField {
  const found = data.ticketFields.find((candidate) => candidate.type === type);
  if (found === undefined) throw new Error(`no ticket field of type ${type}`);
  return found;
}

/** Every [key, value] pair of an object tree, for checks that apply to all resources. */
function* entries(value: unknown): Generator<[string, unknown]> {
  if (Array.isArray(value)) {
    for (const item of value) yield* entries(item);
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      yield [key, inner];
      yield* entries(inner);
    }
  }
}

describe("seed: counts and content", () => {
  it("has the five support groups with descriptions", () => {
    expect(seed.groups.map((group) => group.name).sort()).toEqual([
      "Billing",
      "Engineering",
      "General Support",
      "Product",
      "Technical Support",
    ]);
    for (const group of seed.groups) expect(group.description?.length).toBeGreaterThan(20);
  });

  it("has about six agents, some unavailable, and the API key's agent among them", () => {
    expect(seed.agents.length).toBeGreaterThanOrEqual(5);
    expect(seed.agents.length).toBeLessThanOrEqual(8);
    expect(seed.agents.some((agent) => !agent.available)).toBe(true);
    expect(seed.agents.map((agent) => agent.id)).toContain(seed.currentAgentId);
  });

  it("gives every group at least one available agent", () => {
    for (const group of seed.groups) {
      const available = seed.agents.filter((agent) => agent.available && group.agent_ids.includes(agent.id));
      expect(available.length, group.name).toBeGreaterThan(0);
    }
  });

  it("has about ten contacts and four companies, one of them VIP with several contacts", () => {
    expect(seed.contacts.length).toBeGreaterThanOrEqual(8);
    expect(seed.companies.length).toBeGreaterThanOrEqual(3);
    const vip = seed.companies.filter(
      (company) => company.custom_fields[VIP_COMPANY_FIELD] === VIP_COMPANY_VALUE,
    );
    expect(vip).toHaveLength(1);
    const vipContacts = seed.contacts.filter((contact) => contact.company_id === vip[0]?.id);
    expect(vipContacts.length).toBeGreaterThanOrEqual(2);
  });

  it("has at least 15 published and at least one draft article across categories and folders", () => {
    const published = seed.solutionArticles.filter((article) => article.status === 2);
    const drafts = seed.solutionArticles.filter((article) => article.status === 1);
    expect(published.length).toBeGreaterThanOrEqual(15);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(seed.solutionCategories.length).toBeGreaterThanOrEqual(3);
    expect(new Set(published.map((article) => article.folder_id)).size).toBeGreaterThanOrEqual(6);
    for (const article of seed.solutionArticles) {
      expect(article.description).toMatch(/^<p>/);
      expect(article.description_text).not.toMatch(/[<>]/);
      expect(article.tags.length).toBeGreaterThan(0);
    }
  });

  it("covers the expected support topics in published articles", () => {
    const titles = seed.solutionArticles
      .filter((article) => article.status === 2)
      .map((article) => article.title.toLowerCase())
      .join("\n");
    for (const topic of [
      "refund",
      "charged twice",
      "invoice",
      "plan",
      "payment method",
      "password",
      "two-factor",
      "sso",
      "delet",
      "rate limit",
      "webhook",
      "500",
      "slack",
      "export",
      "invit",
      "report",
      "custom fields",
    ]) {
      expect(titles, topic).toContain(topic);
    }
  });

  it("has canned responses in several folders using ticket placeholders", () => {
    expect(seed.cannedResponses.length).toBeGreaterThanOrEqual(6);
    expect(seed.cannedResponseFolders.length).toBeGreaterThanOrEqual(2);
    for (const response of seed.cannedResponses) {
      expect(response.content_html).toContain("{{ticket.requester.name}}");
      expect(response.content).not.toMatch(/[<>]/);
    }
    expect(seed.cannedResponses.some((response) => response.content.includes("{{ticket.id}}"))).toBe(true);
    expect(seed.cannedResponses.some((response) => response.content.includes("{{ticket.subject}}"))).toBe(
      true,
    );
  });

  it("has about twenty tickets with sequential display ids", () => {
    expect(seed.tickets.length).toBeGreaterThanOrEqual(18);
    expect(seed.tickets.length).toBeLessThanOrEqual(25);
    expect(seed.tickets.map((ticket) => ticket.id)).toEqual(seed.tickets.map((_, index) => index + 1));
  });

  it("mixes the ticket situations the triage flow has to handle", () => {
    const { tickets, companies } = seed;
    const vipId = companies.find(
      (company) => company.custom_fields[VIP_COMPANY_FIELD] === VIP_COMPANY_VALUE,
    )?.id;
    expect(tickets.filter((ticket) => ticket.deleted === true)).toHaveLength(1);
    expect(tickets.filter((ticket) => ticket.spam).length).toBeGreaterThanOrEqual(1);
    expect(tickets.filter((ticket) => ticket.status === 5).length).toBeGreaterThanOrEqual(1);
    expect(tickets.filter((ticket) => ticket.company_id === vipId).length).toBeGreaterThanOrEqual(3);
    const oldTickets = tickets.filter((ticket) => Date.parse(ticket.created_at) < NOW - 40 * DAY_MS);
    expect(oldTickets.length).toBeGreaterThanOrEqual(2);
    expect(tickets.filter((ticket) => ticket.group_id !== null).length).toBeGreaterThanOrEqual(3);
    expect(tickets.filter((ticket) => ticket.responder_id !== null).length).toBeGreaterThanOrEqual(3);
    expect(tickets.filter((ticket) => ticket.priority > 1).length).toBeGreaterThanOrEqual(2);
    const untriaged = tickets.filter(
      (ticket) => ticket.group_id === null && ticket.status === 2 && !ticket.spam,
    );
    expect(untriaged.length).toBeGreaterThanOrEqual(8);
    expect(new Set(tickets.map((ticket) => ticket.source))).toEqual(new Set([1, 2, 3, 7]));
    for (const ticket of tickets) {
      expect(ticket.description_text.length, `ticket ${ticket.id}`).toBeGreaterThan(20);
      expect(ticket.description_text).not.toMatch(/<\/?[a-z]+>/);
    }
  });

  it("has customer replies, private notes and agent replies", () => {
    const customer = seed.conversations.filter((c) => c.incoming && !c.private && c.source === 0);
    const notes = seed.conversations.filter((c) => c.private && c.source === 2 && !c.incoming);
    const replies = seed.conversations.filter((c) => !c.incoming && !c.private && c.source === 0);
    expect(customer.length).toBeGreaterThanOrEqual(3);
    expect(notes.length).toBeGreaterThanOrEqual(3);
    expect(replies.length).toBeGreaterThanOrEqual(3);
  });
});

describe("seed: referential integrity", () => {
  const groupIds = idsOf(seed.groups);
  const agentIds = idsOf(seed.agents);
  const contactIds = idsOf(seed.contacts);
  const companyIds = idsOf(seed.companies);

  it("keeps group agent_ids and agent group_ids in agreement", () => {
    for (const group of seed.groups) {
      for (const agentId of group.agent_ids) expect(agentIds.has(agentId)).toBe(true);
      if (group.escalate_to !== null) expect(agentIds.has(group.escalate_to)).toBe(true);
    }
    for (const agent of seed.agents) {
      for (const groupId of agent.group_ids) {
        expect(groupIds.has(groupId)).toBe(true);
        expect(seed.groups.find((group) => group.id === groupId)?.agent_ids).toContain(agent.id);
      }
    }
    const fromGroups = seed.groups
      .flatMap((group) => group.agent_ids.map((id) => `${group.id}:${id}`))
      .sort();
    const fromAgents = seed.agents
      .flatMap((agent) => agent.group_ids.map((id) => `${id}:${agent.id}`))
      .sort();
    expect(fromGroups).toEqual(fromAgents);
  });

  it("keeps agents and contacts in one user id space without collisions", () => {
    const users = [...seed.agents, ...seed.contacts].map((user) => user.id);
    expect(new Set(users).size).toBe(users.length);
    for (const id of users) expect(id).toBeGreaterThan(1_000_000_000);
  });

  it("uses unique ids within every resource", () => {
    const lists: { id: number }[][] = [
      seed.groups,
      seed.companies,
      seed.ticketFields,
      seed.conversations,
      seed.solutionCategories,
      seed.solutionFolders,
      seed.solutionArticles,
      seed.cannedResponseFolders,
      seed.cannedResponses,
      seed.slaPolicies,
      seed.businessHours,
    ];
    for (const list of lists) expect(idsOf(list).size).toBe(list.length);
    for (const conversation of seed.conversations) expect(conversation.id).toBeGreaterThan(1_000_000_000);
  });

  it("points contacts and tickets at existing people, groups and companies", () => {
    for (const contact of seed.contacts) {
      if (contact.company_id !== null) expect(companyIds.has(contact.company_id)).toBe(true);
    }
    for (const ticket of seed.tickets) {
      expect(contactIds.has(ticket.requester_id), `ticket ${ticket.id} requester`).toBe(true);
      const requester = seed.contacts.find((contact) => contact.id === ticket.requester_id);
      expect(ticket.company_id).toBe(requester?.company_id);
      if (ticket.group_id !== null) expect(groupIds.has(ticket.group_id)).toBe(true);
      if (ticket.responder_id !== null) {
        const responder = seed.agents.find((agent) => agent.id === ticket.responder_id);
        expect(responder, `ticket ${ticket.id} responder`).toBeDefined();
        if (ticket.group_id !== null) expect(responder?.group_ids).toContain(ticket.group_id);
      }
      expect(Date.parse(requester?.created_at ?? "")).toBeLessThanOrEqual(Date.parse(ticket.created_at));
    }
  });

  it("attaches every conversation to a ticket, written by its requester or an agent", () => {
    for (const conversation of seed.conversations) {
      const ticket = seed.tickets.find((candidate) => candidate.id === conversation.ticket_id);
      expect(ticket, `conversation ${conversation.id}`).toBeDefined();
      if (conversation.incoming) expect(conversation.user_id).toBe(ticket?.requester_id);
      else expect(agentIds.has(conversation.user_id)).toBe(true);
      expect(Date.parse(conversation.created_at)).toBeGreaterThanOrEqual(
        Date.parse(ticket?.created_at ?? ""),
      );
      expect(Date.parse(conversation.created_at)).toBeLessThanOrEqual(Date.parse(ticket?.updated_at ?? ""));
    }
  });

  it("files articles in existing folders of the article's category, written by agents", () => {
    const categoryIds = idsOf(seed.solutionCategories);
    for (const folder of seed.solutionFolders) expect(categoryIds.has(folder.category_id)).toBe(true);
    for (const article of seed.solutionArticles) {
      const folder = seed.solutionFolders.find((candidate) => candidate.id === article.folder_id);
      expect(folder, article.title).toBeDefined();
      expect(article.category_id).toBe(folder?.category_id);
      expect(agentIds.has(article.agent_id)).toBe(true);
    }
    for (const category of seed.solutionCategories) {
      expect(seed.solutionFolders.some((folder) => folder.category_id === category.id)).toBe(true);
    }
  });

  it("files canned responses in existing folders with matching counts", () => {
    for (const folder of seed.cannedResponseFolders) {
      const inFolder = seed.cannedResponses.filter((response) => response.folder_id === folder.id);
      expect(folder.responses_count).toBe(inFolder.length);
    }
    const folderIds = idsOf(seed.cannedResponseFolders);
    for (const response of seed.cannedResponses) expect(folderIds.has(response.folder_id)).toBe(true);
  });

  it("points groups at the seeded business hours and the SLA escalation at agents", () => {
    const hoursIds = idsOf(seed.businessHours);
    for (const group of seed.groups) {
      if (group.business_hour_id !== null) expect(hoursIds.has(group.business_hour_id)).toBe(true);
    }
    for (const [key, value] of entries(seed.slaPolicies)) {
      if (key === "agent_ids") for (const id of value as number[]) expect(agentIds.has(id)).toBe(true);
    }
  });
});

describe("seed: ticket fields and choices", () => {
  it("declares the default fields and the custom fields", () => {
    const types = seed.ticketFields.map((candidate) => candidate.type);
    for (const type of [
      "default_subject",
      "default_requester",
      "default_ticket_type",
      "default_status",
      "default_priority",
      "default_source",
      "default_group",
      "default_agent",
      "default_description",
      "default_company",
      "custom_dropdown",
      "custom_text",
    ]) {
      expect(types).toContain(type);
    }
    for (const candidate of seed.ticketFields) {
      expect(candidate.default).toBe(candidate.type.startsWith("default_"));
      if (!candidate.default) expect(candidate.name).toMatch(/^cf_/);
    }
    expect(seed.ticketFields.map((candidate) => candidate.position)).toEqual(
      seed.ticketFields.map((_, index) => index + 1),
    );
  });

  it("uses the documented choices format for each field", () => {
    expect(field(seed, "default_ticket_type").choices).toEqual([
      "Question",
      "Incident",
      "Problem",
      "Feature Request",
    ]);
    const status = field(seed, "default_status").choices as Record<string, [string, string]>;
    expect(Object.keys(status)).toEqual(["2", "3", "4", "5", "6", "7"]);
    expect(status["6"]?.[0]).toBe("Waiting on Customer");
    expect(status["7"]?.[0]).toBe("Waiting on Third Party");
    expect(field(seed, "default_priority").choices).toEqual({ Low: 1, Medium: 2, High: 3, Urgent: 4 });
    const source = field(seed, "default_source").choices as Record<string, number>;
    expect(source).toMatchObject({ Email: 1, Portal: 2, Phone: 3, Chat: 7 });
    const groups = field(seed, "default_group").choices as Record<string, number>;
    expect(groups).toEqual(Object.fromEntries(seed.groups.map((group) => [group.name, group.id])));
    const agents = field(seed, "default_agent").choices as Record<string, number>;
    expect(agents).toEqual(Object.fromEntries(seed.agents.map((agent) => [agent.contact.name, agent.id])));
  });

  it("gives every ticket a type, status, priority, source and custom values the fields allow", () => {
    const types = field(seed, "default_ticket_type").choices as string[];
    const statuses = Object.keys(field(seed, "default_status").choices as object).map(Number);
    const priorities = Object.values(field(seed, "default_priority").choices as Record<string, number>);
    const sources = Object.values(field(seed, "default_source").choices as Record<string, number>);
    const productArea = seed.ticketFields.find((candidate) => candidate.name === "cf_product_area");
    const customNames = seed.ticketFields
      .filter((candidate) => !candidate.default)
      .map((candidate) => candidate.name);
    for (const ticket of seed.tickets) {
      if (ticket.type !== null) expect(types).toContain(ticket.type);
      expect(statuses).toContain(ticket.status);
      expect(priorities).toContain(ticket.priority);
      expect(sources).toContain(ticket.source);
      expect(Object.keys(ticket.custom_fields).sort()).toEqual([...customNames].sort());
      const area = ticket.custom_fields.cf_product_area;
      if (area !== null) expect(productArea?.choices as string[]).toContain(area);
    }
  });
});

describe("seed: wire format", () => {
  it("emits ticket keys in the documented order", () => {
    for (const ticket of seed.tickets) {
      const expected = ticket.deleted === true ? [...TICKET_KEYS, "deleted"] : TICKET_KEYS;
      expect(Object.keys(ticket), `ticket ${ticket.id}`).toEqual(expected);
    }
  });

  it("emits the other resources' keys in the documented order", () => {
    const check = (items: object[], keys: string[], optional: string[] = []) => {
      for (const item of items) {
        expect(Object.keys(item).filter((key) => !optional.includes(key))).toEqual(keys);
      }
    };
    check(seed.conversations, CONVERSATION_KEYS);
    check(seed.contacts, CONTACT_KEYS);
    check(seed.companies, COMPANY_KEYS);
    check(seed.agents, AGENT_KEYS);
    check(
      seed.agents.map((agent) => agent.contact),
      AGENT_CONTACT_KEYS,
    );
    check(seed.groups, GROUP_KEYS, ["auto_ticket_assign"]);
    check(seed.solutionArticles, ARTICLE_KEYS);
    check(seed.solutionFolders, FOLDER_KEYS);
    check(seed.solutionCategories, CATEGORY_KEYS);
    check(seed.cannedResponses, CANNED_KEYS);
    check(seed.ticketFields, TICKET_FIELD_KEYS, ["choices", "portal_cc", "portal_cc_to"]);
  });

  it("formats every timestamp as UTC seconds with Z, none of them in the future", () => {
    let checked = 0;
    for (const [key, value] of entries(seed)) {
      if (!/(_at|_by|_since)$/.test(key) || value === null) continue;
      expect(value, key).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      if (!key.endsWith("due_by")) expect(Date.parse(value as string), key).toBeLessThanOrEqual(NOW);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("never has an update before the creation", () => {
    for (const [, value] of entries({ all: seed })) {
      if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
      const record = value as Record<string, unknown>;
      if (typeof record.created_at === "string" && typeof record.updated_at === "string") {
        expect(Date.parse(record.updated_at)).toBeGreaterThanOrEqual(Date.parse(record.created_at));
      }
    }
  });

  it("derives due dates from the default SLA policy's calendar-time targets", () => {
    const policy = seed.slaPolicies.find((candidate) => candidate.is_default);
    expect(policy).toBeDefined();
    for (const ticket of seed.tickets) {
      const target = policy?.sla_target[`priority_${ticket.priority}` as "priority_1"];
      const created = Date.parse(ticket.created_at);
      expect(Date.parse(ticket.fr_due_by)).toBe(created + (target?.respond_within ?? Number.NaN) * 1000);
      expect(Date.parse(ticket.due_by)).toBe(created + (target?.resolve_within ?? Number.NaN) * 1000);
    }
  });

  it("describes Monday to Friday business hours", () => {
    expect(Object.keys(seed.businessHours[0]?.business_hours ?? {})).toEqual([
      "monday",
      "tuesday",
      "wednesday",
      "thursday",
      "friday",
    ]);
  });
});

describe("seed: determinism", () => {
  it("returns deep-equal data for the same now", () => {
    expect(buildSeed(NOW)).toEqual(seed);
    expect(JSON.stringify(buildSeed(NOW))).toBe(JSON.stringify(seed));
  });

  it("ignores milliseconds and shifts every timestamp with now", () => {
    expect(buildSeed(NOW_SECONDS)).toEqual(seed);
    const later = buildSeed(NOW + DAY_MS);
    seed.tickets.forEach((ticket, index) => {
      expect(Date.parse(later.tickets[index]?.created_at ?? "")).toBe(Date.parse(ticket.created_at) + DAY_MS);
    });
  });

  it("returns fresh objects each call", () => {
    const first = buildSeed(NOW);
    first.tickets[0]?.tags.push("changed");
    first.groups[0]?.agent_ids.push(1);
    const second = buildSeed(NOW);
    expect(second.tickets[0]?.tags).not.toContain("changed");
    expect(second.groups[0]?.agent_ids).not.toContain(1);
  });

  it("rejects a now that is not a number of milliseconds", () => {
    expect(() => buildSeed(Number.NaN)).toThrow(/finite epoch-millisecond/);
  });
});
