import { z } from 'zod';
import {
  channelKinds,
  customerCharacteristics,
  customerTypes,
  languages,
  MAX_MESSAGE_LENGTH,
  ticketPriorities,
  ticketStatuses,
  userRoles,
} from '@keluh/core';

export const instantSchema = z.string().describe('ISO-8601 UTC timestamp');
export const idSchema = z.coerce.number().int().positive();
export const channelKindSchema = z.enum(channelKinds);
export const ticketStatusSchema = z.enum(ticketStatuses);
export const ticketPrioritySchema = z.enum(ticketPriorities);
export const userRoleSchema = z.enum(userRoles);
export const languageSchema = z.enum(languages);
export const customerTypeSchema = z.enum(customerTypes);
export const customerCharacteristicSchema = z.enum(customerCharacteristics);
export const deliveryStatusSchema = z.enum(['received', 'queued', 'sent', 'delivered', 'read', 'failed']);

/** Message bodies as typed by a person: a non-blank string of at most 4,096 characters. */
export const messageBodySchema = z
  .string({ error: 'Message body must be a string' })
  .max(MAX_MESSAGE_LENGTH, { error: `At most ${MAX_MESSAGE_LENGTH} characters` })
  .refine((body) => body.trim().length > 0, { error: 'Message body is empty' });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .describe('Every error: a stable code, a developer message, optional details such as field issues');

export type ErrorResponse = z.infer<typeof errorResponseSchema>;
