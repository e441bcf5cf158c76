import type { InboundAttachment } from '@keluh/core';
import { contactsContent, locationContent, orderContent } from './whatsapp.readable.ts';
import { errorSummary, isRecord, list, text, type WaErrorItem, type WaMedia, type WaMessage } from './whatsapp.wire.ts';

/** What one message item says, independent of who sent it (shared by inbound messages and echoes). */
export interface WaContent {
  body: string;
  attachments?: InboundAttachment[];
  context?: Record<string, unknown>;
  placeholder?: 'unsupported' | 'unavailable';
}

const mediaKinds = ['image', 'video', 'audio', 'document', 'sticker'] as const;
type WaMediaKind = (typeof mediaKinds)[number];

function isMediaKind(type: string): type is WaMediaKind {
  return (mediaKinds as readonly string[]).includes(type);
}

/** Maps the per-type object of §2.3's table; anything else becomes a placeholder (§2.3.5). */
export function whatsappContent(message: WaMessage): WaContent {
  const type = text(message.type) ?? 'unknown';
  // Every field is read through text(): a signed body is still only JSON, and `body: {}` must not reach the core as text.
  if (type === 'text') return { body: text(message.text?.body) ?? '' };
  if (isMediaKind(type)) return mediaContent(type, message[type]);
  switch (type) {
    case 'location':
      return locationContent(message.location);
    case 'contacts':
      return contactsContent(message.contacts);
    case 'order':
      return orderContent(message.order);
    case 'interactive':
      return interactiveContent(message.interactive);
    case 'button':
      // A template quick-reply tap (e.g. CSAT "resolved"): the payload is what automations key on.
      return { body: text(message.button?.text) ?? '', context: { button: { payload: text(message.button?.payload) ?? null, text: text(message.button?.text) ?? null } } };
    default:
      return placeholderContent(message);
  }
}

/** Bytes are not in the webhook: the media id is fetched later with the token (§2.7). */
function mediaContent(kind: WaMediaKind, media: WaMedia | undefined): WaContent {
  const caption = text(media?.caption) ?? null;
  const data: Record<string, unknown> = {};
  if (kind === 'audio') data.voice = media?.voice === true;
  if (kind === 'sticker') data.animated = media?.animated === true;
  const attachment: InboundAttachment = {
    kind,
    externalRef: text(media?.id) ?? null,
    mimeType: text(media?.mime_type) ?? null,
    sha256: text(media?.sha256) ?? null,
    caption,
    filename: text(media?.filename) ?? null,
    ...(Object.keys(data).length > 0 && { data }),
  };
  return { body: caption ?? '', attachments: [attachment] };
}

/** button_reply / list_reply (§2.3): the title is what the customer saw and tapped; the id is ours. */
function interactiveContent(interactive: WaMessage['interactive']): WaContent {
  const type = text(interactive?.type) ?? 'unknown';
  const reply = isRecord(interactive?.[type]) ? (interactive[type] as Record<string, unknown>) : {};
  const title = text(reply.title) ?? text(reply.body) ?? '';
  const description = text(reply.description);
  return {
    body: title,
    context: { interactive: { type, id: text(reply.id) ?? null, title, ...(description !== undefined && { description }) } },
  };
}

/**
 * §2.3.5: the customer did write, so the timeline still gets an entry. 131060 means WhatsApp has the
 * message but will not show it to us now ("unavailable"); anything else is a type we cannot show.
 */
function placeholderContent(message: WaMessage): WaContent {
  const errors = list<WaErrorItem>(message.errors).map(errorSummary);
  return {
    body: '',
    placeholder: errors.some((error) => error.code === 131060) ? 'unavailable' : 'unsupported',
    context: { unsupported: { type: text(message.unsupported?.type) ?? text(message.type) ?? null, errors } },
  };
}
