import { z } from 'zod';
import { presenceStatuses } from '@keluh/core';

export const presenceStatusSchema = z.enum(presenceStatuses).describe('`online` while a console socket is open; `away` arrives with agent statuses');

export const staffPresenceSchema = z.object({
  userId: z.number().int(),
  status: presenceStatusSchema,
  connections: z.number().int().min(1).describe('Open console sockets of this user over every API process'),
});

export const presenceResponseSchema = z.object({ items: z.array(staffPresenceSchema).describe('Staff connected now, by user id; absent means offline') });
export type PresenceResponse = z.infer<typeof presenceResponseSchema>;
