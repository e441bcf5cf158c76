import { z } from 'zod';

/** `PUT /api/settings/tickets`: what narrows the tickets staff see (docs/supervisors.md §Roles and scope). */
export const ticketSettingsSchema = z.strictObject({
  /** Agents see only their own tickets and the unassigned ones of their teams. */
  agentsOwnAndUnassigned: z.boolean(),
});
export type TicketSettingsBody = z.infer<typeof ticketSettingsSchema>;
