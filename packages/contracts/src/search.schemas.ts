import { z } from 'zod';
import { searchKinds } from '@keluh/core';
import { decimalIntSchema, instantSchema } from './common.schemas.ts';
import { listOf } from './http.schemas.ts';

/**
 * `GET /api/search`. `q` has no length limit here on purpose: an empty or overlong query is refused by
 * core with its own codes (`search.query_empty`, `search.query_too_long`), which the console translates.
 */
export const searchQuerySchema = z
  .object({
    q: z.string().default(''),
    kinds: listOf(z.enum(searchKinds)).describe('Some of message, customer, ticket (repeat or comma-separate); all without it'),
    limit: decimalIntSchema(20).optional().describe('Results per kind, 8 without it'),
  })
  .strict();

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.number().int().describe("The message's, customer's or ticket's id, by kind"),
  ticketId: z.number().int().nullable().describe('The ticket to open: for a customer their newest one in your scope'),
  customerId: z.number().int(),
  customerName: z.string(),
  snippet: z.object({
    text: z.string(),
    highlights: z.array(z.tuple([z.number().int(), z.number().int()])).describe('[start, end) of each match in `text`'),
  }),
  rank: z.number().describe('Relative to the best hit of its kind (1)'),
  at: instantSchema,
});

export const searchResultsSchema = z.object({
  message: z.array(searchHitSchema),
  customer: z.array(searchHitSchema),
  ticket: z.array(searchHitSchema),
});
export type SearchResultsDto = z.infer<typeof searchResultsSchema>;
export type SearchHitDto = z.infer<typeof searchHitSchema>;
