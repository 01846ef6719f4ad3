// The sandbox's automation-rule emulator (reference §9, §13 "Webhook emitter"): a "Trigger
// webhook" rule on ticket create/update that posts Freshdesk "simple" content and retries.
//
// The sandbox app builds a WebhookTicketView (names, not ids) and calls
// emitter.ticketChanged(view, event) after each successful create or update.

export { type ResolvedAutomationConfig, resolveAutomationConfig } from "./automations/automation-config.ts";
export { webhookHeaders } from "./automations/deliver.ts";
export {
  type AutomationEmitterDeps,
  createAutomationEmitter,
  type PayloadRenderer,
} from "./automations/emitter.ts";
export {
  encodePayload,
  type RenderedRequest,
  simplePayload,
  triggeredEvent,
} from "./automations/render-payload.ts";
export type {
  AutomationAuth,
  AutomationConfig,
  AutomationControl,
  AutomationEmitter,
  DeliveryRecord,
  TicketEvent,
  WebhookTicketView,
} from "./automations/types.ts";
