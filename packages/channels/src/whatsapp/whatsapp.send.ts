import { ChannelSendError, exceedsTextLimit, textLimits, type DeliveryReceipt, type OutboundMessage } from '@keluh/core';
import { parseGraphError } from '../meta/graph-error.ts';
import { blockedSendError } from '../outbound/channel-errors.ts';
import type { WhatsappGraphClient } from './whatsapp.client.ts';
import { assertWhatsappChoicesFit, interactiveContent } from './whatsapp.interactive.ts';
import { whatsappNetworkError, whatsappSendError } from './whatsapp.send-errors.ts';
import { whatsappPhone } from './whatsapp.sender.ts';

/**
 * §2.6 addressing: a number goes in `to` with `+` (without it Meta prepends OUR country code); a
 * customer known only by BSUID goes in `recipient` (§2.3.8). Never both: `to` would win anyway.
 */
function recipientOf(message: OutboundMessage): Record<string, string> {
  const phone = message.recipientPhone?.replace(/\D/g, '') ?? '';
  if (phone.length > 0) return { to: whatsappPhone(phone) };
  if (/^\d+$/.test(message.recipientExternalId)) return { to: whatsappPhone(message.recipientExternalId) };
  return { recipient: message.recipientExternalId };
}

/** The Messages API body, field for field as §2.6 (key order too, for readable logs and fixtures). */
export function whatsappSendBody(message: OutboundMessage): Record<string, unknown> {
  const template = message.template;
  const content = template
    ? {
        type: 'template',
        template: {
          name: template.name,
          language: { code: template.language },
          ...(template.parameters.length > 0 && {
            components: [{ type: 'body', parameters: template.parameters.map((value) => ({ type: 'text', text: value })) }],
          }),
        },
      }
    : message.choices
      ? // §9: a structured question goes natively; like free text it needs the 24 h window (131047 outside it).
        interactiveContent(message.body, message.choices)
      : // preview_url false: an agent pasting a link should not unfurl someone else's page into the chat.
        { type: 'text', text: { preview_url: false, body: message.body } };
  // §2.6: the quoted bubble is not shown on template replies, so context only rides with free-form text.
  const replyTo = !template && message.replyToExternalId ? { context: { message_id: message.replyToExternalId } } : {};
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    ...recipientOf(message),
    ...replyTo,
    ...content,
    // Echoed in every status webhook (§2.6, §2.3.6): our own correlation id.
    ...(message.correlationId !== undefined && { biz_opaque_callback_data: message.correlationId }),
  };
}

/** Sends one message; resolves with the wamid statuses will refer to, or throws ChannelSendError. */
export async function sendWhatsappMessage(client: WhatsappGraphClient, message: OutboundMessage): Promise<DeliveryReceipt> {
  if (!message.template && exceedsTextLimit('whatsapp', message.body)) {
    // §2.10: refused here, before Meta answers with an opaque parameter error.
    throw new ChannelSendError({
      code: 'channel.text_too_long',
      reason: `WhatsApp accepts at most ${textLimits.whatsapp?.max ?? 4096} characters per message.`,
      retryable: false,
    });
  }
  assertWhatsappChoicesFit(message);
  let response;
  try {
    response = await client.sendMessage(whatsappSendBody(message));
  } catch (cause) {
    throw blockedSendError(cause) ?? whatsappNetworkError(cause);
  }
  if (!response.ok) throw whatsappSendError(parseGraphError(response.status, response.body));
  const id = (response.body as { messages?: { id?: unknown }[] } | null)?.messages?.[0]?.id;
  if (typeof id !== 'string' || id.length === 0) {
    // Meta may have accepted it: retrying could double-send, so fail visibly instead.
    throw new ChannelSendError({ code: 'whatsapp.unexpected_response', reason: 'WhatsApp accepted the call but returned no message id.', retryable: false });
  }
  return { externalMessageId: id };
}
