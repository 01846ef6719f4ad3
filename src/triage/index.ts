/** The triage steps' public surface; the worker imports from here. */
export {
  type ApplyPlan,
  type FieldChange,
  type PlanInput,
  planApply,
  type TicketUpdate,
} from "./apply-plan.ts";
export { type AutomatedMessageVerdict, detectAutomatedMessage } from "./automated-message.ts";
export {
  type Classification,
  SENTIMENTS,
  type Sentiment,
  TICKET_FLAGS,
  type TicketFlag,
} from "./classification.ts";
export {
  type ClassifyOutcome,
  createConfiguredClassifier,
  createTicketClassifier,
  type TicketClassifier,
} from "./classify.ts";
export { contentHash } from "./content-hash.ts";
export {
  type GuardInput,
  type GuardVerdict,
  guardTicket,
  type SkipReason,
  type TriageEvent,
} from "./guard.ts";
export { createLocalClassifier, type LocalClassifier, trainLocalModel } from "./local-classifier.ts";
export {
  findTriageMarkers,
  markerJobId,
  parseTriageMarker,
  renderTriageNote,
  type TriageMarker,
  type TriageNoteInput,
  triageMarker,
} from "./note.ts";
export { decidePriority, PRIORITY_LABELS, type PriorityDecision, type PriorityInput } from "./priority.ts";
export {
  type AgentInfo,
  type CounterStore,
  decideRouting,
  type GroupInfo,
  type RoutingDecision,
  type RoutingInput,
} from "./routing.ts";
export {
  type ArticleInput,
  articleUrl,
  buildSolutionIndex,
  PUBLISHED,
  rankSolutions,
  type SolutionIndex,
  type SuggestedArticle,
} from "./solutions.ts";
export {
  type CategoryDefinition,
  categoryTag,
  DEFAULT_TAXONOMY,
  findCategory,
  type Taxonomy,
  type TicketPriority,
  TRIAGED_TAG,
} from "./taxonomy.ts";
export { type CustomerMessage, type TicketSnapshot, ticketText } from "./ticket-snapshot.ts";
export { loadTriageConfig, parseTriageConfig } from "./triage-config.ts";
