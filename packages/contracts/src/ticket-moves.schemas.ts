import { z } from 'zod';
import { ticketMoveKinds } from '@keluh/core';
import { idSchema, instantSchema, ticketStatusSchema } from './common.schemas.ts';
import { ticketViewSchema } from './domain.schemas.ts';

const bodyIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** `POST /api/tickets/:id/merge`: every message of this ticket into `intoTicketId` (same customer). */
export const mergeTicketBodySchema = z.strictObject({ intoTicketId: bodyIdSchema });

/** `POST /api/tickets/:id/split`: these messages of the ticket into a new ticket of the same customer. */
export const splitTicketBodySchema = z.strictObject({ messageIds: z.array(bodyIdSchema).max(1000) });

export const ticketMoveParamsSchema = z.object({ id: idSchema });

export const ticketMoveSchema = z.object({
  id: z.number().int(),
  kind: z.enum(ticketMoveKinds),
  sourceTicketId: z.number().int(),
  targetTicketId: z.number().int(),
  messageIds: z.array(z.number().int()),
  sourceStatusBefore: ticketStatusSchema,
  actorUserId: z.number().int().nullable(),
  createdAt: instantSchema,
  undoneAt: instantSchema.nullable(),
  undoneByUserId: z.number().int().nullable(),
});
export type TicketMoveDto = z.infer<typeof ticketMoveSchema>;

/** A merge, split or undo: the move as it now stands and both tickets after it. */
export const ticketMoveResultSchema = z.object({ move: ticketMoveSchema, source: ticketViewSchema, target: ticketViewSchema });
export type TicketMoveResultDto = z.infer<typeof ticketMoveResultSchema>;

export const ticketMoveListSchema = z.object({ items: z.array(ticketMoveSchema) });

/** `GET /api/tickets/:id/merge-targets`: the same customer's other tickets, newest first. */
export const mergeTargetListSchema = z.object({
  items: z.array(z.object({ id: z.number().int(), subject: z.string(), status: ticketStatusSchema, lastMessageAt: instantSchema })),
});
export type MergeTargetDto = z.infer<typeof mergeTargetListSchema>['items'][number];
