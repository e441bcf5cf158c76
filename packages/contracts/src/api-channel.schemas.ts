import { z } from 'zod';
import { idSchema, instantSchema, messageBodySchema } from './common.schemas.ts';

/*
 * The generic API channel's wire format: what an integrator POSTs to /webhooks/api/{channelId}, and
 * what we POST to the integrator's webhook URL when an agent replies. Shared by the adapter (which
 * validates with it) and the OpenAPI document (which shows it).
 */

export const API_CHANNEL_MAX_BATCH = 100;

/** Keys end up inside our own scoped ids (`<channelId>:<key>`), so their alphabet is kept narrow. */
const key = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, { error: 'Use 1–128 characters of A-Z, a-z, 0-9, ".", "_", ":" or "-"' });
/** Control characters would end up in logs and the console; anything else printable is the integrator's business. */
const printable = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^\P{Cc}+$/u, { error: 'Control characters are not allowed' });
const isoDateTime = z.iso.datetime({ offset: true }).describe('ISO-8601 date-time with a zone (Z or +07:00)');

export const apiChannelSenderSchema = z
  .object({
    id: printable(128).describe("The customer's id in the integrator's system (Telegram chat id, marketplace buyer id …)"),
    name: printable(120).optional(),
    phone: z.string().regex(/^\+?[0-9][0-9 ().-]{4,30}$/, { error: 'A phone number such as +6281234567890' }).optional(),
    email: z.email().max(320).optional(),
  })
  .strict();

export const apiChannelInboundMessageSchema = z
  .object({
    // Our outbound ids share the same key space (`<channelId>:keluh-msg-42`); a look-alike would be taken for one.
    idempotencyKey: key
      .refine((value) => !value.toLowerCase().startsWith('keluh-'), { error: 'Keys starting with "keluh-" are reserved for our outbound messages' })
      .describe('Unique per message within this channel: a retry with the same key is stored once. Not starting with "keluh-"'),
    sender: apiChannelSenderSchema,
    text: messageBodySchema.describe('1–4096 characters, not blank'),
    sentAt: isoDateTime.optional().describe('When the customer wrote it; defaults to (and is capped at) the time we receive it'),
    choiceId: z.string().min(1).max(256).optional().describe('The `id` of the option the customer chose, when our reply offered `choices`'),
    inReplyTo: key.optional().describe('The `id` of our outbound webhook the customer answered (e.g. keluh-msg-42)'),
  })
  .strict();

export const apiChannelInboundStatusSchema = z
  .object({
    messageId: key.describe('The `id` of our outbound webhook (also sent as X-Keluh-Delivery), e.g. keluh-msg-42'),
    status: z.enum(['delivered', 'read', 'failed']),
    error: z.object({ code: printable(100), reason: printable(500) }).strict().optional().describe('Why delivery failed (status "failed")'),
    at: isoDateTime.optional(),
  })
  .strict();

export const apiChannelInboundSchema = z
  .object({
    messages: z.array(apiChannelInboundMessageSchema).min(1).max(API_CHANNEL_MAX_BATCH).optional(),
    statuses: z.array(apiChannelInboundStatusSchema).min(1).max(API_CHANNEL_MAX_BATCH).optional(),
  })
  .strict()
  .refine((body) => body.messages !== undefined || body.statuses !== undefined, { error: 'Send "messages", "statuses" or both' })
  .describe('A batch stored whole or not at all');

export const apiChannelInboundResultSchema = z.object({
  accepted: z.number().int().describe('New messages stored'),
  duplicates: z.number().int().describe('Messages whose idempotency key had been stored before'),
  statuses: z.number().int().describe('Status updates received'),
});

export const apiChannelWebhookParamsSchema = z.object({ channelId: idSchema });
export const apiChannelSignatureHeadersSchema = z.object({
  'x-keluh-signature': z.string().describe("sha256=<hex HMAC-SHA256 of the raw body, keyed with the channel's secret>"),
});

/** The body of the webhook we send for every agent reply. */
export const apiChannelOutboundSchema = z.object({
  type: z.literal('message'),
  id: z.string().describe('Stable across retries (also the X-Keluh-Delivery header): deduplicate on it'),
  channelId: z.number().int(),
  ticketId: z.number().int(),
  recipient: z.object({ id: z.string().describe('The sender.id the customer wrote with') }),
  text: z.string(),
  /**
   * Set when the reply is a question with options (a rating, a consent): show them as buttons if your
   * channel can, and send the chosen option's `id` back as the inbound message's `choiceId`. `text`
   * already lists the options for channels that show none.
   */
  choices: z
    .object({
      purpose: z.enum(['rating', 'consent']),
      options: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })),
    })
    .optional(),
  sentAt: instantSchema,
});

export type ApiChannelInbound = z.infer<typeof apiChannelInboundSchema>;
export type ApiChannelOutbound = z.infer<typeof apiChannelOutboundSchema>;
