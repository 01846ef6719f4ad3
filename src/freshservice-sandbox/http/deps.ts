// What the Freshservice route modules get besides the request.
import type { FreshserviceStore } from "../store.ts";
import type { FormFieldIndex } from "../tickets/form-fields.ts";

export type FsRouteDeps = {
  store: FreshserviceStore;
  /** The account's ticket form as lookups (built once: the API cannot change the form here). */
  form: FormFieldIndex;
};
