import { z } from 'zod';
import { mergeReasons, suggestionReasons, suggestionStates } from '@keluh/core';
import { idSchema, instantSchema, ticketStatusSchema } from './common.schemas.ts';

export const customerMergeSchema = z.object({
  id: z.number().int(),
  survivorId: z.number().int(),
  mergedId: z.number().int(),
  reason: z.enum(mergeReasons),
  evidence: z.object({ phone: z.string().optional(), email: z.string().optional(), suggestionId: z.number().int().optional(), identityId: z.number().int().optional() }),
  actorUserId: z.number().int().nullable(),
  moved: z.object({
    identityIds: z.array(z.number().int()),
    ticketIds: z.array(z.number().int()),
    folded: z.object({ fromTicketId: z.number().int(), intoTicketId: z.number().int(), messageIds: z.array(z.number().int()), statusBefore: ticketStatusSchema }).nullable(),
  }),
  createdAt: instantSchema,
  undoneAt: instantSchema.nullable(),
  undoneByUserId: z.number().int().nullable(),
});

/** One line of a customer's history: the merge, both names, and who merged and who undid it. */
export const mergeHistoryEntrySchema = z.object({
  merge: customerMergeSchema,
  survivorName: z.string(),
  mergedName: z.string(),
  actorName: z.string().nullable(),
  undoneByName: z.string().nullable(),
});

export const customerMergeIdParamsSchema = z.object({ id: idSchema });

/** `POST /api/customers/:id/merge`: the customer of the path is merged into `intoCustomerId`, the survivor. */
export const mergeCustomerBodySchema = z.object({ intoCustomerId: z.number().int().positive() }).strict();

export const customerSuggestionSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  customerId: z.number().int(),
  candidateId: z.number().int(),
  reason: z.enum(suggestionReasons),
  evidence: z.object({ value: z.string(), messageId: z.number().int().optional() }),
  state: z.enum(suggestionStates),
  decidedByUserId: z.number().int().nullable(),
  decidedAt: instantSchema.nullable(),
  createdAt: instantSchema,
});

/** A suggestion as the ticket shows it: with the other customer's name, so the agent can judge. */
export const ticketSuggestionSchema = customerSuggestionSchema.extend({ candidateName: z.string() });

export const suggestionIdParamsSchema = z.object({ id: idSchema });

/** Confirming merges the candidate into the ticket's customer; the merge is returned so it can be undone. */
export const confirmSuggestionResponseSchema = z.object({ suggestion: customerSuggestionSchema, merge: customerMergeSchema });

export type CustomerMergeDto = z.infer<typeof customerMergeSchema>;
export type MergeHistoryEntryDto = z.infer<typeof mergeHistoryEntrySchema>;
export type CustomerSuggestionDto = z.infer<typeof customerSuggestionSchema>;
export type TicketSuggestionDto = z.infer<typeof ticketSuggestionSchema>;
