import { z } from 'zod';
import { presenceStatuses } from '@keluh/core';
import { instantSchema } from './common.schemas.ts';

export const presenceStatusSchema = z
  .enum(presenceStatuses)
  .describe('Effective status: the manual choice combined with the console sockets (offline past the grace period, away when idle)');

export const staffPresenceSchema = z.object({
  userId: z.number().int(),
  status: presenceStatusSchema,
  connections: z.number().int().min(0).describe('Open console sockets of this user over every API process'),
  since: instantSchema.describe('When the effective status last changed'),
  currentTicketId: z.number().int().nullable().describe('The ticket the user has open in the console'),
});

export const presenceResponseSchema = z.object({ items: z.array(staffPresenceSchema).describe('Everyone seen since the processes started, by user id; absent means offline') });
export type PresenceResponse = z.infer<typeof presenceResponseSchema>;

export const presenceChoiceBodySchema = z.object({ status: presenceStatusSchema.describe('The status chosen by hand') }).strict();
export type PresenceChoiceBody = z.infer<typeof presenceChoiceBodySchema>;
export const presenceMeResponseSchema = z.object({ presence: staffPresenceSchema });
export type PresenceMeResponse = z.infer<typeof presenceMeResponseSchema>;
