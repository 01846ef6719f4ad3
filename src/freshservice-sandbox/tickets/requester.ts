// Who a created ticket is for (reference §3): `requester_id`, else `email`, else `phone` (+ `name`);
// an unknown email or phone becomes a new requester, as the real service adds one.
import type { FreshserviceStore } from "../store.ts";

export function resolveRequester(
  body: Record<string, unknown>,
  store: FreshserviceStore,
): number | undefined {
  if (typeof body.requester_id === "number") return body.requester_id;
  const name = typeof body.name === "string" ? body.name : undefined;
  if (typeof body.email === "string") {
    return store.findUserByEmail(body.email)?.id ?? store.addRequester({ name, email: body.email }).id;
  }
  if (typeof body.phone === "string") {
    const phone = body.phone;
    const known = [...store.requesters.values()].find(
      (requester) => requester.work_phone_number === phone || requester.mobile_phone_number === phone,
    );
    return known?.id ?? store.addRequester({ name, phone }).id;
  }
  return undefined;
}
