// `GET /ticket_form_fields[?workspace_id=]` (reference §3): global fields plus the primary
// workspace's by default; `workspace_id=N` names another workspace, 0 all of them.
import { type FieldError, throwIfAny } from "../../sandbox/http/errors.ts";
import { positiveIntParam, queryOf, unknownParams } from "../../sandbox/http/query.ts";
import type { ApiRoutes } from "../../sandbox/http/route-table.ts";
import type { FsRouteDeps } from "../http/deps.ts";

export function ticketFormFieldRoutes(api: ApiRoutes, deps: FsRouteDeps): void {
  const { store } = deps;
  api.get("/ticket_form_fields", (c) => {
    const query = queryOf(c);
    const errors: FieldError[] = unknownParams(query, ["workspace_id"]);
    const all = query.workspace_id === "0";
    const workspace = all
      ? undefined
      : (positiveIntParam(query, "workspace_id", errors) ?? store.workspaceId);
    throwIfAny(errors);
    const fields = store.ticketFormFields.filter(
      (field) => all || field.workspace_id === null || field.workspace_id === workspace,
    );
    return c.json({ ticket_fields: structuredClone(fields) });
  });
}
