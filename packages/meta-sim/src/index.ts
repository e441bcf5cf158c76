/**
 * meta-sim — the local stand-in for Meta's Graph API (WhatsApp Cloud API, Instagram Messaging) and
 * webhook sender. Behaviour follows /work/shared/channels.md (§1–3, §6).
 */
export { createMetaSim, type MetaSim, type MetaSimOptions } from './meta-sim.ts';
export { defaultKnobs, mergeKnobs, type DeepPartial } from './knobs.defaults.ts';
export type {
  DeliveryKnobs,
  IgAccount,
  IgProfile,
  InjectedFailure,
  InstagramKnobs,
  MediaKnobs,
  MetaSimKnobs,
  RecipientError,
  WaPhoneNumber,
  WaTemplate,
  WhatsAppKnobs,
} from './knobs.ts';
export type { MarkRead, MetaSimState, RejectedCall, SentMessage, SentOption, SentStatus } from './state.ts';
export { InstagramCustomer, WhatsAppCustomer, type SentMatcher, type TapOptions } from './customer.taps.ts';
export { escapeNonAscii, serializePayload, signBody, signatureHeader, verifySignature } from './signer.ts';
export {
  WebhookSender,
  verifyHandshake,
  type DeliverOptions,
  type DeliveryAttempt,
  type DeliveryReport,
  type HandshakeResult,
} from './webhook.sender.ts';
export { InstagramWebhooks, WhatsAppWebhooks, type ChannelDeliverOptions } from './channel.webhooks.ts';
export * from './payloads.whatsapp.ts';
export * from './payloads.instagram.ts';
export { GraphError, graphError, webhookError, INSTAGRAM_CODES, WHATSAPP_CODES, type GraphErrorBody, type WebhookErrorObject } from './graph-errors.ts';
export { MediaStore, type StoredMedia } from './media.store.ts';
export { reorder, type OrderMode } from './order.ts';
export { HUMAN_AGENT_WINDOW_MS, STANDARD_WINDOW_MS } from './window.rules.ts';
export { startTestReceiver, type ReceivedRequest, type TestReceiver } from './receiver.testkit.ts';
export { startMetaSim, type DemoSimHandle, type StartMetaSimOptions } from './demo.runner.ts';
export { DEMO_CONVERSATIONS, type DemoConversation, type DemoStep } from './demo.script.ts';
