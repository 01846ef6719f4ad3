import { z } from "zod";
import { defineTool } from "../define-tool.ts";
import { contactOutput, renderContactLine, toContactOutput } from "../shapes/people.ts";
import {
  cursorArgument,
  DEFAULT_PER_PAGE,
  pageOutput,
  perPageArgument,
  READ,
  renderList,
} from "../tool-kit.ts";

export const listContacts = defineTool({
  name: "list_contacts",
  title: "List contacts",
  description: [
    "List contacts, optionally only those with an exact email, phone or mobile, of one company, or in a state (verified, unverified, blocked, deleted).",
    "Use it to look a customer up by exact email; for other conditions use search_contacts.",
    'Example: {"email": "ana@example.com"} or {"company_id": 12, "per_page": 50}.',
  ].join(" "),
  toolset: "contacts",
  annotations: READ,
  input: z.object({
    email: z.string().optional(),
    phone: z.string().optional(),
    mobile: z.string().optional(),
    company_id: z.number().int().positive().optional(),
    state: z.enum(["blocked", "deleted", "unverified", "verified"]).optional(),
    updated_since: z.string().optional().describe("ISO timestamp"),
    per_page: perPageArgument,
    cursor: cursorArgument,
  }),
  output: pageOutput(contactOutput),
  async handler(q, context, paging) {
    const result = await context.freshdesk.contacts.list({
      email: q.email,
      phone: q.phone,
      mobile: q.mobile,
      company_id: q.company_id,
      state: q.state,
      _updated_since: q.updated_since,
      page: paging.page,
      perPage: q.per_page ?? DEFAULT_PER_PAGE,
    });
    return {
      items: result.items.map((c) => toContactOutput(c)),
      next_cursor: paging.next(result.nextPage),
    };
  },
  render: (r) =>
    renderList(r.items, renderContactLine, { empty: "No contacts match.", nextCursor: r.next_cursor }),
});
