import { z } from 'zod';
import { promiseStates } from '@keluh/core';
import { channelKindSchema, idSchema, instantSchema } from './common.schemas.ts';

export const promiseSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  text: z.string(),
  dueAt: instantSchema,
  ownerUserId: z.number().int(),
  ownerName: z.string(),
  state: z.enum(promiseStates),
  createdBy: z.number().int(),
  createdAt: instantSchema,
  settledAt: instantSchema.nullable(),
  settledBy: z.number().int().nullable(),
  remindedAt: instantSchema.nullable(),
  overdueAt: instantSchema.nullable(),
});

export const createPromiseBodySchema = z
  .object({
    text: z.string().trim().min(3).max(500),
    /** Must lie in the future: 400 `promise.due_in_past` otherwise. */
    dueAt: z.iso.datetime({ offset: true }),
    /** Who keeps it; the agent making it when omitted. */
    ownerUserId: z.number().int().positive().optional(),
  })
  .strict();

export const promiseIdParamsSchema = z.object({ id: idSchema });

export const settlePromiseBodySchema = z.object({ state: z.enum(['kept', 'broken', 'cancelled']) }).strict();

export const dueSuggestionSchema = z.object({
  basedOn: z.number().int(),
  source: z.enum(['similar', 'category', 'default']),
  medianMs: z.number().int().nullable(),
  p80Ms: z.number().int().nullable(),
  suggestedDueAt: instantSchema,
});

export const resolutionRecordSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  customerId: z.number().int(),
  channel: channelKindSchema,
  subject: z.string(),
  category: z.string().nullable(),
  facts: z.record(z.string(), z.string()),
  rootCause: z.string().nullable(),
  rootCauseNote: z.string().nullable(),
  solution: z.string().nullable(),
  customerText: z.string(),
  timeToFixMs: z.number().int(),
  promiseKept: z.boolean().nullable(),
  rating: z.number().int().nullable(),
  resolvedAt: instantSchema,
});

export const similarCasesResponseSchema = z.object({
  items: z.array(z.object({ record: resolutionRecordSchema, score: z.number() })),
});
export const similarCasesQuerySchema = z.object({ limit: z.enum(['1', '3', '5', '10']).default('5').transform(Number) });

/** What the widget shows of a promise: no owner ids, no internal timestamps. */
export const visitorPromiseSchema = promiseSchema.pick({ id: true, ticketId: true, text: true, dueAt: true, state: true });

export type PromiseDto = z.infer<typeof promiseSchema>;
export type CreatePromiseBody = z.infer<typeof createPromiseBodySchema>;
export type DueSuggestionDto = z.infer<typeof dueSuggestionSchema>;
export type ResolutionRecordDto = z.infer<typeof resolutionRecordSchema>;
export type SimilarCasesResponse = z.infer<typeof similarCasesResponseSchema>;
export type VisitorPromiseDto = z.infer<typeof visitorPromiseSchema>;
