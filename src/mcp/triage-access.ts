import { AppError } from "../errors.ts";
import type { SharedToolContext, TriageService } from "./deps.ts";

/** The triage service, or a clear refusal when this process runs without the pipeline. */
export function requireTriage(context: SharedToolContext): TriageService {
  if (context.triage) return context.triage;
  throw new AppError(
    501,
    "triage_unavailable",
    "Triage is not available in this process: the tool server was started without the triage pipeline.",
  );
}
