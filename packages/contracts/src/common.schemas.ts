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
/**
 * A positive whole number in path or query text, spelled only the canonical decimal way. `z.coerce.number`
 * took `0x10`, `1e3`, ` 1`, `01`, `1.0` and `+1` too: one row under many spellings defeats anything keyed
 * on the text (logs, caches, rate limits, proxies' allow-lists). At most 2^53 − 1, where numbers stay exact.
 */
export function decimalIntSchema(max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, { error: 'A positive whole number in plain decimal digits, without sign, spaces or leading zeros' })
    .transform(Number)
    .pipe(z.number().int().max(max, { error: `At most ${max}` }));
}

export const idSchema = decimalIntSchema();
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
