export { assetsMentioned, type MentionedAsset, type RequesterAsset } from "./assets.ts";
export {
  type CategoryNode,
  type CategoryPath,
  type Choice,
  formatCategoryPath,
  guessCategoryPath,
  isValidCategoryPath,
  parseTicketForm,
  type TicketForm,
  validCategoryPath,
} from "./form-fields.ts";
export { type FsNoteInput, renderFreshserviceNote } from "./note.ts";
export {
  type FieldOutcome,
  type FieldVerdict,
  FRESHSERVICE_FIELDS,
  type FreshserviceField,
  type FsCurrent,
  type FsPlan,
  type FsPlanInput,
  type PlannedField,
  planFreshserviceUpdate,
} from "./plan.ts";
export {
  type PriorityMatrix,
  PriorityMatrixError,
  parsePriorityMatrix,
  priorityFromMatrix,
  priorityMatrixSchema,
} from "./priority-matrix.ts";
