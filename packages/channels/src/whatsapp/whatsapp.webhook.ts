import { AppError, type InboundEvent, type InboundStatusEvent } from '@keluh/core';
import { instantFromUnix } from '../meta/graph-error.ts';
import { customerMessageEvents, echoEvents } from './whatsapp.inbound.ts';
import type { WhatsappSettings } from './whatsapp.settings.ts';
import { errorSummary, isRecord, list, text, type WaContact, type WaErrorItem, type WaMessage, type WaStatus, type WaValue } from './whatsapp.wire.ts';

interface WaChange {
  field: string;
  value: WaValue;
}

/** Fields that carry chats; every other field (§2.3: account_update, template status …) is acked and ignored. */
const chatFields = new Set(['messages', 'smb_message_echoes']);

function invalid(what: string): AppError {
  return new AppError('webhook.invalid_payload', `WhatsApp webhook: ${what}`);
}

/** The envelope of §2.3, checked strictly: a shape we do not know is refused rather than half-read. */
function changesOf(body: unknown): WaChange[] {
  if (!isRecord(body) || body.object !== 'whatsapp_business_account') throw invalid('object is not whatsapp_business_account');
  if (!Array.isArray(body.entry)) throw invalid('entry is not a list');
  return body.entry.flatMap((entry: unknown) => {
    if (!isRecord(entry) || !Array.isArray(entry.changes)) throw invalid('entry without changes');
    return entry.changes.map((change: unknown): WaChange => {
      if (!isRecord(change) || typeof change.field !== 'string' || !isRecord(change.value)) throw invalid('change without field or value');
      return { field: change.field, value: change.value as WaValue };
    });
  });
}

/** §2.3.6: `played` is the first play of a voice note — for our ticks it is a read. */
const statusMap: Record<string, InboundStatusEvent['status']> = { sent: 'sent', delivered: 'delivered', read: 'read', played: 'read', failed: 'failed' };

function statusEvent(item: WaStatus): InboundStatusEvent[] {
  const id = text(item.id);
  const at = instantFromUnix(item.timestamp, 'seconds');
  if (id === undefined || at === null) throw invalid('status without id or timestamp');
  const status = item.status !== undefined ? statusMap[item.status] : undefined;
  if (status === undefined) return [];
  const first = list<WaErrorItem>(item.errors)[0];
  const summary = first ? errorSummary(first) : null;
  // The same codes as a refusal at send time (whatsapp.send-errors.ts), however the failure reached us.
  const error =
    status === 'failed' && summary
      ? {
          code: summary.code === 131047 ? 'channel.window_closed' : `whatsapp.${summary.code ?? 'unknown'}`,
          reason: summary.details ?? summary.title ?? 'WhatsApp reported the message as failed',
        }
      : null;
  const correlationId = text(item.biz_opaque_callback_data);
  const recipients = [text(item.recipient_id), text(item.recipient_user_id)].filter((value): value is string => value !== undefined);
  return [
    {
      kind: 'status',
      channel: 'whatsapp',
      externalMessageId: id,
      status,
      at,
      ...(error && { error }),
      ...(correlationId !== undefined && { correlationId }),
      ...(recipients.length > 0 && { recipientExternalIds: recipients }),
    },
  ];
}

/**
 * Turns one webhook POST into events (§2.3). Meta batches (§1.3): every entry, change, message and
 * status is read — never only the first, Chatwoot's pitfall (§5). Changes for another business number
 * subscribed to the same app are skipped, since we route by `phone_number_id`, not display number (§2.1).
 */
export function parseWhatsappWebhook(body: unknown, settings: Pick<WhatsappSettings, 'phoneNumberId'>): InboundEvent[] {
  const events: InboundEvent[] = [];
  for (const { field, value } of changesOf(body)) {
    if (!chatFields.has(field)) continue;
    const phoneNumberId = text(value.metadata?.phone_number_id);
    if (phoneNumberId === undefined) throw invalid(`${field} change without metadata.phone_number_id`);
    if (phoneNumberId !== settings.phoneNumberId) continue;
    const contacts = list<WaContact>(value.contacts);
    if (field === 'smb_message_echoes') {
      for (const echo of list<WaMessage>(value.message_echoes)) events.push(...echoEvents(echo, contacts));
      continue;
    }
    for (const message of list<WaMessage>(value.messages)) events.push(...customerMessageEvents(message, contacts));
    for (const status of list<WaStatus>(value.statuses)) events.push(...statusEvent(status));
  }
  return events;
}

export interface WhatsappWebhookError {
  code: number | null;
  title: string | null;
  details: string | null;
  phoneNumberId: string | null;
}

/**
 * §2.3.7: `value.errors[]` concern the account, not one message (e.g. 130429), so they produce no
 * event; callers log them. Lenient on purpose: logging must never fail a delivery.
 */
export function whatsappWebhookErrors(body: unknown): WhatsappWebhookError[] {
  if (!isRecord(body) || !Array.isArray(body.entry)) return [];
  return list<{ changes?: unknown }>(body.entry)
    .flatMap((entry) => list<{ value?: WaValue }>(entry.changes))
    .flatMap(({ value }) =>
      list<WaErrorItem>(value?.errors).map((item) => ({ ...errorSummary(item), phoneNumberId: text(value?.metadata?.phone_number_id) ?? null })),
    );
}
