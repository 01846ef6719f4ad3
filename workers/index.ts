// Worker process: the BullMQ triage workers, each Freshdesk call through the in-process MCP client.
import { runService } from "../src/run.ts";

await runService({ web: false, worker: true });
