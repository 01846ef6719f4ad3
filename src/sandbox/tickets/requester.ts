// Who a new ticket is from (reference §5.5): an existing user by id, or a contact found or
// created from email, phone (+ name), twitter_id, facebook_id or unique_external_id.
import { type FieldError, missingField } from "../http/errors.ts";
import { buildContact } from "../records/contact.ts";
import type { FdContact } from "../seed/types.ts";
import type { SandboxStore } from "../store.ts";

export type RequesterPlan =
  | { kind: "existing"; id: number }
  | { kind: "new"; contact: FdContact }
  | { kind: "error"; error: FieldError };

const REQUESTER_MISSING =
  "Please fill at least 1 of requester_id, phone, email, twitter_id, facebook_id fields";

const str = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

function findBy(store: SandboxStore, match: (contact: FdContact) => boolean): FdContact | undefined {
  return [...store.contacts.values()].find(match);
}

/** Decides the requester without writing anything; the caller stores a new contact on success. */
export function planRequester(body: Record<string, unknown>, store: SandboxStore): RequesterPlan | undefined {
  if (typeof body.requester_id === "number") return { kind: "existing", id: body.requester_id };
  const name = str(body.name);
  const email = str(body.email);
  if (email) {
    const agent = [...store.agents.values()].find(
      (a) => a.contact.email.toLowerCase() === email.toLowerCase(),
    );
    const found = agent?.id ?? store.findContactByEmail(email)?.id;
    if (found !== undefined) return { kind: "existing", id: found };
    return {
      kind: "new",
      contact: buildContact(store, { name: name ?? email.split("@")[0] ?? email, email }),
    };
  }
  const phone = str(body.phone);
  if (phone) {
    const found = findBy(store, (c) => c.phone === phone || c.mobile === phone);
    if (found) return { kind: "existing", id: found.id };
    if (!name) return { kind: "error", error: missingField("name") };
    return { kind: "new", contact: buildContact(store, { name, phone }) };
  }
  for (const key of ["twitter_id", "facebook_id", "unique_external_id"] as const) {
    const handle = str(body[key]);
    if (!handle) continue;
    const found = findBy(store, (c) => c[key] === handle);
    if (found) return { kind: "existing", id: found.id };
    return { kind: "new", contact: buildContact(store, { name: name ?? handle, [key]: handle }) };
  }
  return undefined;
}

export function requesterMissing(): FieldError {
  return missingField("requester_id", REQUESTER_MISSING);
}
