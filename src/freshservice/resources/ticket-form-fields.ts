import { z } from "zod";
import type { Transport } from "../../freshdesk/transport.ts";
import { envelope } from "../schemas/common.ts";
import { type FsTicketFormField, fsTicketFormFieldSchema } from "../schemas/ticket-form-field.ts";

export function ticketFormFieldsApi(transport: Transport) {
  return {
    /** Global and primary-workspace fields, unless `workspaceId` names another [DOC]. */
    async list(options: { workspaceId?: number } = {}): Promise<FsTicketFormField[]> {
      const { data } = await transport.json(
        { method: "GET", path: "/ticket_form_fields", query: { workspace_id: options.workspaceId } },
        envelope("ticket_fields", z.array(fsTicketFormFieldSchema)),
      );
      return data;
    },
  };
}

export type FsTicketFormFieldsApi = ReturnType<typeof ticketFormFieldsApi>;
