import { z } from 'zod';
import { channelKindSchema } from './common.schemas.ts';

/** `PUT /api/settings/tickets`: what narrows the tickets staff see (docs/supervisors.md §Roles and scope). */
export const ticketSettingsSchema = z.strictObject({
  /** Agents see only their own tickets and the unassigned ones of their teams. */
  agentsOwnAndUnassigned: z.boolean(),
});
export type TicketSettingsBody = z.infer<typeof ticketSettingsSchema>;

/**
 * `PUT /api/settings/routing`: which team each channel's new tickets open in. A channel left out opens in
 * the default team; the whole map is replaced.
 */
export const channelRoutingSchema = z.strictObject({
  channelTeams: z.partialRecord(channelKindSchema, z.number().int().positive().describe('A team id')),
});
export type ChannelRoutingBody = z.infer<typeof channelRoutingSchema>;

/** `PUT /api/settings/threading`: how long after resolution a customer's message reopens the ticket (docs/customers.md §Threading). */
export const threadingSettingsSchema = z.strictObject({
  /** Days; past them a customer's message opens a new ticket linked to the finished one. */
  reopenDays: z.number().int().min(0).max(365),
});
export type ThreadingSettingsBody = z.infer<typeof threadingSettingsSchema>;

/** `GET /api/settings/widget-identity`: the secret a site signs its signed-in users with (admins; docs/customers.md). */
export const widgetIdentitySecretSchema = z.object({
  secret: z.string().describe('HMAC-SHA256 key: signature = hex(HMAC(secret, base64url(JSON { userId, name?, phone?, email? })))'),
});
