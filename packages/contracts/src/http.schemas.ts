import { z } from 'zod';
import {
  channelKindSchema,
  customerCharacteristicSchema,
  customerTypeSchema,
  decimalIntSchema,
  idSchema,
  instantSchema,
  messageBodySchema,
  ticketPrioritySchema,
  ticketStatusSchema,
} from './common.schemas.ts';
import { customerSchema, identitySchema, messageSchema, ticketViewSchema, userSchema } from './domain.schemas.ts';
import { windowStateSchema } from './channels.schemas.ts';
import { noteSchema, stageTransitionSchema, ticketActivitySchema } from './workflow.schemas.ts';
import { visitorPromiseSchema } from './promises.schemas.ts';
import { slaClockSchema } from './sla.schemas.ts';
import { messageChoicesSchema, visitorReviewSchema } from './reviews.schemas.ts';

/** Accepts `status=open&status=pending` or `status=open,pending` (any query list, e.g. the search's `kinds`). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === '') return undefined;
    const list = Array.isArray(value) ? value : [value];
    return list.flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : [entry])).filter((s) => s !== '');
  }, z.array(item).optional());
}

export const loginBodySchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});
/** The console's sign-in: the session travels in an httpOnly cookie only, never in the body. */
export const loginResponseSchema = z.object({ user: userSchema, expiresAt: z.string() });
/** An API client's sign-in: a bearer token for `Authorization: Bearer …`, and no cookie. */
export const tokenResponseSchema = z.object({ token: z.string(), tokenType: z.literal('Bearer'), expiresAt: z.string(), user: userSchema });
export const meResponseSchema = z.object({ user: userSchema });

export const ticketIdParamsSchema = z.object({ id: idSchema });

export const listTicketsQuerySchema = z.object({
  status: listOf(ticketStatusSchema),
  channel: listOf(channelKindSchema),
  assigneeId: z.union([z.literal('none'), idSchema]).optional(),
  customerType: listOf(customerTypeSchema),
  characteristic: listOf(customerCharacteristicSchema),
  limit: decimalIntSchema(100).default(30),
  cursor: z.string().max(200).optional(),
});
/** `lastEventId` is the event-log position the response reflects: the console syncs realtime from there. */
export const ticketPageSchema = z.object({
  items: z.array(ticketViewSchema),
  nextCursor: z.string().nullable(),
  lastEventId: z.number().int(),
});

export const ticketDetailSchema = z.object({
  ticket: ticketViewSchema,
  customer: customerSchema,
  identities: z.array(identitySchema),
  messages: z.array(messageSchema),
  /** Internal notes (staff only), stage changes and what the system did: the timeline interleaves them by time. */
  notes: z.array(noteSchema),
  transitions: z.array(stageTransitionSchema),
  activities: z.array(ticketActivitySchema),
  /** The SLA clocks as they stand; `sla.updated` replaces them live. */
  sla: z.array(slaClockSchema),
  /** Whether the reply channel accepts free text now (WhatsApp 24 h, Instagram 24 h / 7 days). */
  window: windowStateSchema,
  lastEventId: z.number().int(),
});

export const replyTemplateSchema = z
  .object({
    name: z.string().min(1).max(512),
    language: z.string().min(2).max(15),
    parameters: z.array(z.string().max(1024)).max(20).default([]),
  })
  .strict();

/** Free text, or a WhatsApp template (outside the 24-hour window). */
export const replyBodySchema = z
  .object({
    body: messageBodySchema.optional(),
    template: replyTemplateSchema.optional(),
    /** A bot or integration answering through the API sets this: an automated reply stops no SLA response clock. */
    automated: z.boolean().optional(),
    /**
     * The newest message the agent had on screen. When another agent replied after it within the last
     * minute, 409 `reply.collision` (details: messageId, authorUserId, authorName, sentAt, preview).
     */
    seenMessageId: z.number().int().positive().optional(),
    /** Send although `reply.collision` warned: the agent read the other reply and still wants to send. */
    force: z.boolean().optional(),
    /**
     * The customer's identity to send through (the composer's channel picker): its channel and window
     * apply. Default: the identity the customer last wrote from. Another customer's: `reply.identity_not_of_customer`.
     */
    identityId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict()
  .superRefine((reply, context) => {
    if (reply.body === undefined && reply.template === undefined) context.addIssue({ code: 'custom', path: ['body'], message: 'Write a message or pick a template' });
    if (reply.body !== undefined && reply.template !== undefined) context.addIssue({ code: 'custom', path: ['template'], message: 'Send text or a template, not both' });
  });

export const updateTicketBodySchema = z
  .object({
    status: ticketStatusSchema.optional(),
    priority: ticketPrioritySchema.optional(),
    assigneeId: z.number().int().positive().nullable().optional(),
    /** The ticket version the change was made on; when someone changed the ticket since, 409 `ticket.conflict`. */
    version: z.number().int().positive().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), { error: 'Nothing to change' });

export const usersResponseSchema = z.object({ items: z.array(userSchema) });

export const widgetSessionBodySchema = z
  .object({
    name: z.string().trim().max(120).optional(),
    email: z.email().max(320).optional(),
    /** A returning visitor presents their refresh token to keep their conversation; it is spent by this call. */
    refreshToken: z.string().max(300).optional().describe('From the previous answer; each one works once'),
    /** Deprecated: a pre-session `v1.` visitor token, exchanged once for a session with the same history. */
    visitorToken: z.string().max(300).optional().describe('Deprecated pre-session token (v1.…), accepted once'),
    /**
     * The embedding site's signed user: `base64url(JSON { userId, name?, phone?, email? })` + `.` +
     * hex HMAC-SHA256 under the widget identity secret. A verified visitor, the same on every device.
     */
    identity: z.string().max(4200).optional().describe('Site-signed visitor identity (payload.signature)'),
  })
  .strict()
  .refine((body) => body.refreshToken === undefined || body.visitorToken === undefined, { error: 'Send a refreshToken or a visitorToken, not both' });
export const widgetSessionResponseSchema = z.object({
  visitorId: z.string(),
  visitorToken: z.string().describe('Access token: Authorization: Bearer … and the socket handshake'),
  visitorTokenExpiresAt: instantSchema,
  refreshToken: z.string().describe('Present it to POST /api/widget/sessions for a new pair before the session expires'),
  refreshTokenExpiresAt: instantSchema,
});
export const visitorIdParamsSchema = z.object({ visitorId: z.string().regex(/^[a-f0-9]{32}$/, { error: 'A visitor id: 32 lowercase hex digits' }) });
export const visitorRevocationSchema = z.object({ revoked: z.number().int().describe('Sessions ended (0 when none was live)') });

export const widgetMessageSchema = messageSchema
  .pick({
    id: true,
    ticketId: true,
    direction: true,
    authorKind: true,
    authorName: true,
    body: true,
    attachments: true,
    status: true,
    sentAt: true,
    createdAt: true,
  })
  // A rating or consent question: the widget renders it as a star card or two buttons.
  .extend({ choices: messageChoicesSchema.nullable().optional() });
export const widgetConversationSchema = z.object({
  messages: z.array(widgetMessageSchema),
  lastEventId: z.number().int(),
  // Optional rather than defaulted: the route's typed reply is the schema's output, and a server that does
  // not know promises or reviews yet must still answer; the widget reads a missing list as empty.
  /** Promises made to the visitor (cards: what, by when, kept or not). */
  promises: z.array(visitorPromiseSchema).optional(),
  /** Review requests and what the visitor answered, for the cards of the questions above. */
  reviews: z.array(visitorReviewSchema).optional(),
});

export const healthResponseSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });

export type LoginBody = z.infer<typeof loginBodySchema>;
export type LoginResponse = z.infer<typeof loginResponseSchema>;
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
export type ListTicketsQuery = z.input<typeof listTicketsQuerySchema>;
export type TicketPageDto = z.infer<typeof ticketPageSchema>;
export type TicketDetailDto = z.infer<typeof ticketDetailSchema>;
export type UpdateTicketBody = z.infer<typeof updateTicketBodySchema>;
export type WidgetSessionBody = z.infer<typeof widgetSessionBodySchema>;
export type WidgetSessionResponse = z.infer<typeof widgetSessionResponseSchema>;
export type WidgetMessageDto = z.infer<typeof widgetMessageSchema>;
/** As a server sends it: `promises` and `reviews` may be absent from one that predates them. */
export type WidgetConversationDto = z.input<typeof widgetConversationSchema>;
