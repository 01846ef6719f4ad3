// Web process: webhook intake, operator API, /mcp, health (and the sandbox when no Freshdesk is configured).
import { runService } from "./run.ts";

await runService({ web: true, worker: false });
