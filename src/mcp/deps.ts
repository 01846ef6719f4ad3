import type { TriageMode } from "../config.ts";
import type { AccountDirectory, FreshdeskClient } from "../freshdesk/index.ts";
import type { FreshserviceDirectory } from "../freshservice/account-directory.ts";
import type { FreshserviceClient } from "../freshservice/index.ts";
import type { Logger } from "../logger.ts";
import type { Product } from "../product.ts";
import type { AuditLog } from "./audit.ts";
import type { FreshserviceToolContext } from "./freshservice/context.ts";
import type { CursorCodec } from "./output/cursor.ts";
import type { ToolSet } from "./tool-set.ts";

/**
 * What the triage pipeline offers the tool server. It lives in another part of the service and
 * may be absent (for example in a web process without workers); the triage tools then say so.
 */
export type TriageService = {
  /** `dry-run` previews without writing anything; `suggest` writes only the note. */
  run(ticketId: number, options: { mode: TriageMode }): Promise<TriageOutcome>;
  latest(ticketId: number): Promise<TriageOutcome | undefined>;
};

/** The pipeline's result, passed through as data; its fields belong to the triage part. */
export type TriageOutcome = Record<string, unknown>;

export type OutputLimits = {
  /** Cap on the JSON of one result's structured content, in characters. */
  maxResultChars: number;
  /** Cap on the text rendering sent alongside it. */
  maxTextChars: number;
  /** Longest single body (ticket description, conversation, article) before it is cut. */
  maxBodyChars: number;
};

export const DEFAULT_LIMITS: OutputLimits = {
  maxResultChars: 24_000,
  maxTextChars: 8_000,
  maxBodyChars: 6_000,
};

/** What every product's tool server needs, whatever the helpdesk behind it. */
export type SharedServerDeps = {
  audit: AuditLog;
  logger: Logger;
  /** Signs paging cursors (config.mcp.cursorSecret); at least 16 characters. */
  cursorSecret: string;
  triage?: TriageService;
  /** Agent portal base URL (`https://acme.freshdesk.com`), used to put links beside ids. */
  portalUrl?: string;
  limits?: Partial<OutputLimits>;
};

/** A Freshdesk tool server: the Freshdesk tools (the default tool set) over a Freshdesk client. */
export type FreshdeskServerDeps = SharedServerDeps & {
  freshdesk: FreshdeskClient;
  directory: AccountDirectory;
  /** The tools offered; the Freshdesk registry when left out. */
  toolSet?: ToolSet<FreshdeskServerDeps, ToolContext>;
};

/** A Freshservice tool server: the Freshservice tool set over a Freshservice client. */
export type FreshserviceServerDeps = SharedServerDeps & {
  freshservice: FreshserviceClient;
  directory: FreshserviceDirectory;
  /** The tools offered; the Freshservice registry when left out. */
  toolSet?: ToolSet<FreshserviceServerDeps, FreshserviceToolContext>;
};

/**
 * A tool server's deps for one product: `McpServerDeps` (Freshdesk, as before) or
 * `McpServerDeps<"freshservice">`; `McpServerDeps<Product>` is either. The deps say which
 * product by the client they carry.
 */
export type McpServerDeps<P extends Product = "freshdesk"> = P extends "freshservice"
  ? FreshserviceServerDeps
  : FreshdeskServerDeps;

/** What every tool handler receives, whatever the product. */
export type SharedToolContext = {
  triage: TriageService | undefined;
  portalUrl: string | undefined;
  limits: OutputLimits;
  cursors: CursorCodec;
  logger: Logger;
  /** Who is calling (token name, or "pipeline"); for logs and audit. */
  caller: string;
};

/** What a Freshdesk tool handler receives. */
export type ToolContext = SharedToolContext & {
  freshdesk: FreshdeskClient;
  directory: AccountDirectory;
};
