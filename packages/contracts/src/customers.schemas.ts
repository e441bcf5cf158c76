import { z } from 'zod';
import { customerAttributeTypes, promiseStates, stageKeys } from '@keluh/core';
import { channelKindSchema, customerCharacteristicSchema, customerTypeSchema, idSchema, instantSchema } from './common.schemas.ts';
import { type characteristicReasonSchema, customerSchema, identitySchema, ticketViewSchema } from './domain.schemas.ts';
import { stageSchema } from './workflow.schemas.ts';

export const customerIdParamsSchema = z.object({ id: idSchema });
export const attributeKeyParamsSchema = z.object({ key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/) });


const attributeValueSchema = z.union([z.string().max(500), z.number(), z.boolean()]);

export const attributeDefSchema = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(customerAttributeTypes),
  choices: z.array(z.string()),
  position: z.number().int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export const createAttributeDefBodySchema = z
  .object({
    key: z.string().max(40),
    label: z.string().max(80),
    type: z.enum(customerAttributeTypes),
    choices: z.array(z.string().max(80)).max(50).optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export const updateAttributeDefBodySchema = z
  .object({ label: z.string().max(80).optional(), choices: z.array(z.string().max(80)).max(50).optional(), position: z.number().int().min(0).max(1000).optional() })
  .strict();
export const attributeDefListSchema = z.object({ items: z.array(attributeDefSchema) });

/** `attributes`: values by key, checked against the admin's definitions; null removes one. */
export const updateCustomerBodySchema = z
  .object({
    type: customerTypeSchema.optional(),
    characteristic: customerCharacteristicSchema.optional(),
    attributes: z.record(z.string().max(40), attributeValueSchema.nullable()).optional(),
  })
  .strict();

export const customerNoteSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  authorUserId: z.number().int(),
  authorName: z.string(),
  body: z.string(),
  createdAt: instantSchema,
});
export const createCustomerNoteBodySchema = z.object({ body: z.string().trim().min(1, { error: 'The note is empty' }).max(4000) }).strict();

export const customerProfileSchema = z.object({
  customer: customerSchema,
  identities: z.array(identitySchema),
  tickets: z.array(ticketViewSchema.omit({ customer: true, assignee: true }).extend({ channels: z.array(channelKindSchema) })),
  csat: z.array(z.object({ reviewId: z.number().int(), ticketId: z.number().int(), channel: channelKindSchema, score: z.number().int(), comment: z.string().nullable(), ratedAt: instantSchema })),
  notes: z.array(customerNoteSchema),
  attributes: z.array(z.object({ def: attributeDefSchema, value: attributeValueSchema.nullable() })),
});

const localizedSchema = z.object({ id: z.string(), en: z.string() });
export const ticketStorySchema = z.object({
  ticketId: z.number().int(),
  stage: stageSchema,
  stageKey: z.enum(stageKeys),
  complaint: z.boolean(),
  category: z.object({ key: z.string(), label: localizedSchema }).nullable(),
  facts: z.array(z.object({ key: z.string(), label: localizedSchema.nullable(), value: z.string(), source: z.enum(['agent', 'detected']) })),
  missing: z.array(z.object({ key: z.string(), label: localizedSchema })),
  rootCause: z.string().nullable(),
  solution: z.string().nullable(),
  promises: z.array(z.object({ id: z.number().int(), text: z.string(), dueAt: instantSchema, state: z.enum(promiseStates), ownerName: z.string(), settledAt: instantSchema.nullable() })),
  lastSaid: z.array(z.object({ channel: channelKindSchema, messageId: z.number().int(), body: z.string(), sentAt: instantSchema })),
  previousTicketId: z.number().int().nullable(),
});

export type CustomerProfileDto = z.infer<typeof customerProfileSchema>;
export type TicketStoryDto = z.infer<typeof ticketStorySchema>;
export type AttributeDefDto = z.infer<typeof attributeDefSchema>;
export type CustomerNoteDto = z.infer<typeof customerNoteSchema>;
export type CharacteristicReasonDto = z.infer<typeof characteristicReasonSchema>;
