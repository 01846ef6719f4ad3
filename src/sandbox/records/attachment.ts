// Files uploaded with multipart requests become attachment objects whose URL serves the bytes.
import { helpdeskBase, type SandboxContext } from "../http/context.ts";
import type { FdAttachment } from "../seed/types.ts";
import type { SandboxStore } from "../store.ts";

export async function saveAttachments(
  c: SandboxContext,
  store: SandboxStore,
  files: File[],
): Promise<FdAttachment[]> {
  const saved: FdAttachment[] = [];
  for (const file of files) {
    const id = store.nextId();
    const now = store.stamp();
    const contentType = file.type || "application/octet-stream";
    const name = file.name || "attachment";
    store.files.set(id, { bytes: new Uint8Array(await file.arrayBuffer()), contentType, name });
    saved.push({
      id,
      content_type: contentType,
      size: file.size,
      name,
      attachment_url: `${helpdeskBase(c)}/_sandbox/attachments/${id}/${encodeURIComponent(name)}`,
      created_at: now,
      updated_at: now,
    });
  }
  return saved;
}
