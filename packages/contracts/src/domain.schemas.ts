import { z } from 'zod';
import { characteristicRules, characteristicSources, emotionLevels } from '@keluh/core';
import { messageChoicesSchema } from './reviews.schemas.ts';
import {
  channelKindSchema,
  customerCharacteristicSchema,
  customerTypeSchema,
  deliveryStatusSchema,
  instantSchema,
  languageSchema,
  ticketPrioritySchema,
  ticketStatusSchema,
  userRoleSchema,
} from './common.schemas.ts';

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
  language: languageSchema,
  teamId: z.number().int().nullable(),
  /** Every team the user belongs to: what they see (docs/supervisors.md §Roles and scope). */
  teamIds: z.array(z.number().int()),
  createdAt: instantSchema,
});

export const customerBriefSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: customerTypeSchema,
  characteristic: customerCharacteristicSchema,
  language: languageSchema,
});

export const characteristicReasonSchema = z.object({ rule: z.enum(characteristicRules), cues: z.array(z.string()) });

export const customerSchema = customerBriefSchema.extend({
  /** `agent` once a person chose the characteristic: suggestions never replace it. */
  characteristicSource: z.enum(characteristicSources),
  /** Why the rules suggested it (customers/characteristic.rules.ts); null when an agent chose it. */
  characteristicReason: characteristicReasonSchema.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Set while merged into another customer (docs/customers.md). */
  mergedIntoId: z.number().int().nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const identitySchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  channel: channelKindSchema,
  externalId: z.string(),
  displayName: z.string().nullable(),
  phone: z.string().nullable().describe('E.164'),
  email: z.string().nullable(),
  username: z.string().nullable().describe('Instagram @username without the @'),
  verified: z.boolean(),
  lastInboundAt: instantSchema.nullable(),
  unreachableAt: instantSchema.nullable(),
  createdAt: instantSchema,
});

export const ticketViewSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  subject: z.string(),
  status: ticketStatusSchema,
  stage: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  priority: ticketPrioritySchema,
  assigneeId: z.number().int().nullable(),
  teamId: z.number().int().nullable(),
  channel: channelKindSchema,
  lastChannel: channelKindSchema,
  unreadCount: z.number().int(),
  lastMessageAt: instantSchema,
  lastMessagePreview: z.string(),
  lastInboundAt: instantSchema.nullable(),
  firstResponseAt: instantSchema.nullable(),
  resolvedAt: instantSchema.nullable(),
  previousTicketId: z.number().int().nullable(),
  mergedIntoTicketId: z.number().int().nullable(),
  /** Optimistic concurrency: send it back with a change; a stale one is refused with `ticket.conflict`. */
  version: z.number().int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  customer: customerBriefSchema,
  assignee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});

export const messageErrorSchema = z.object({ code: z.string(), reason: z.string() });

export const emotionReadingSchema = z.object({
  anger: z.number().int().min(0).max(100),
  urgency: z.number().int().min(0).max(100),
  level: z.enum(emotionLevels),
  urgent: z.boolean(),
  cues: z.array(
    z.object({
      dimension: z.enum(['anger', 'urgency']),
      kind: z.enum(['word', 'phrase', 'exclamations', 'capitals', 'repetition', 'emoji', 'negation']),
      text: z.string(),
      weight: z.number(),
    }),
  ),
});

export const messageSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  direction: z.enum(['in', 'out']),
  authorKind: z.enum(['customer', 'agent', 'system']),
  authorUserId: z.number().int().nullable(),
  authorName: z.string().nullable(),
  channel: channelKindSchema,
  identityId: z.number().int().nullable(),
  externalId: z.string().nullable(),
  body: z.string(),
  attachments: z.array(
    z.object({
      kind: z.string(),
      url: z.string().nullable().optional(),
      mimeType: z.string().nullable().optional(),
      caption: z.string().nullable().optional(),
      filename: z.string().nullable().optional(),
      data: z.record(z.string(), z.unknown()).optional(),
      state: z.enum(['pending', 'stored', 'unavailable']).optional(),
      externalRef: z.string().nullable().optional(),
      sha256: z.string().nullable().optional(),
      size: z.number().nullable().optional(),
      /** Set on an unavailable attachment we refused to download (media.blocked_address, media.too_large …). */
      error: z.object({ code: z.string(), reason: z.string() }).nullable().optional(),
    }),
  ),
  status: deliveryStatusSchema,
  error: messageErrorSchema.nullable(),
  via: z.enum(['instagram_app', 'whatsapp_business_app']).nullable(),
  replyToExternalId: z.string().nullable(),
  context: z.record(z.string(), z.unknown()).nullable(),
  placeholder: z.enum(['unsupported', 'unavailable']).nullable(),
  template: z.object({ name: z.string(), language: z.string(), parameters: z.array(z.string()) }).nullable(),
  choices: messageChoicesSchema.nullable(),
  editCount: z.number().int(),
  editedAt: instantSchema.nullable(),
  deletedAt: instantSchema.nullable(),
  reactions: z.array(z.object({ emoji: z.string(), by: z.enum(['customer', 'agent']), at: instantSchema })),
  /** Staff only: the widget's message schema leaves it out. */
  emotion: emotionReadingSchema.nullable(),
  /** Sent by the system, a rule or a bot: it stops no response clock. */
  automated: z.boolean(),
  sentAt: instantSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export type UserDto = z.infer<typeof userSchema>;
export type CustomerDto = z.infer<typeof customerSchema>;
export type IdentityDto = z.infer<typeof identitySchema>;
export type TicketViewDto = z.infer<typeof ticketViewSchema>;
export type MessageDto = z.infer<typeof messageSchema>;
