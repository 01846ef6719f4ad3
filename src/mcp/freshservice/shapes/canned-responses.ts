import { z } from "zod";
import type { FsCannedResponse, FsCannedResponseFolder } from "../../../freshservice/index.ts";
import { clip, dropEmpty } from "../../output/clean.ts";
import { bodyText } from "../../output/html-to-text.ts";

/**
 * Canned responses: saved reply templates, read-only through the API [reference §6]. Unlike
 * Freshdesk, Freshservice offers no rendering of a template's placeholders for a ticket.
 */

export const cannedResponseFolderOutput = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string().optional().describe("personal, shared, …"),
  responses_count: z.number().optional(),
  workspace_id: z.number().optional(),
});
export type CannedResponseFolderOutput = z.output<typeof cannedResponseFolderOutput>;

export const toCannedResponseFolderOutput = (f: FsCannedResponseFolder): CannedResponseFolderOutput =>
  dropEmpty({
    id: f.id,
    name: f.name,
    type: f.type ?? undefined,
    responses_count: f.responses_count ?? undefined,
    workspace_id: f.workspace_id ?? undefined,
  });

export const cannedResponseOutput = z.object({
  id: z.number(),
  title: z.string(),
  folder_id: z.number().optional(),
  folder_name: z.string().optional(),
  content_text: z.string().optional().describe("the template as plain text; placeholders stay as {{…}}"),
  attachments: z.array(z.string()).optional().describe("attachment file names"),
  workspace_id: z.number().optional(),
  updated_at: z.string().optional(),
});
export type CannedResponseOutput = z.output<typeof cannedResponseOutput>;

export function toCannedResponseOutput(
  response: FsCannedResponse,
  maxBody: number,
  folderName?: string,
): CannedResponseOutput {
  const text = bodyText(response.content, response.content_html);
  return dropEmpty({
    id: response.id,
    title: response.title,
    folder_id: response.folder_id ?? undefined,
    folder_name: folderName,
    content_text: text ? clip(text, maxBody, "get_canned_response shows the whole template") : undefined,
    attachments: response.attachments?.map((a) => a.name ?? "attachment"),
    workspace_id: response.workspace_id ?? undefined,
    updated_at: response.updated_at ?? undefined,
  });
}

export const renderCannedResponseLine = (c: CannedResponseOutput) =>
  `#${c.id} ${JSON.stringify(c.title)}${c.folder_name ? ` (${c.folder_name})` : ""}`;
