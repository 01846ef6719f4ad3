import { articleResource } from "./article.ts";
import type { ResourceTemplateDefinition } from "./define-resource.ts";
import { ticketResource } from "./ticket.ts";

/** Every resource template the server offers; adding one means a file here and one entry. */
export const allResourceTemplates: readonly ResourceTemplateDefinition[] = [ticketResource, articleResource];
