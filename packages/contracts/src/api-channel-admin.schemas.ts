import { z } from 'zod';
import { idSchema, instantSchema } from './common.schemas.ts';

/* What admins send and see when they manage API channel integrations. */

const name = z.string().trim().min(1).max(120);
const webhookUrl = z.url({ protocol: /^https?$/, error: 'An http(s) URL' }).max(2000).describe('Where agent replies are POSTed');

export const createApiChannelBodySchema = z.object({ name, webhookUrl }).strict();
export const updateApiChannelBodySchema = z
  .object({ name: name.optional(), webhookUrl: webhookUrl.optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.webhookUrl !== undefined, { error: 'Change "name", "webhookUrl" or both' });
export const apiChannelIdParamsSchema = z.object({ id: idSchema });

export const apiChannelViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  webhookUrl: z.string(),
  /** Masked as `••••abcd` everywhere except the two answers below. */
  secret: z.string().describe('Masked (••••abcd); shown in full only when created or rotated'),
  /** Where the integrator POSTs customer messages. */
  inboundUrl: z.string(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export const apiChannelWithSecretSchema = apiChannelViewSchema.extend({
  secret: z.string().describe('The full signing secret: store it now, it is not shown again'),
});
export const apiChannelListSchema = z.object({ items: z.array(apiChannelViewSchema) });

export type ApiChannelViewDto = z.infer<typeof apiChannelViewSchema>;
export type CreateApiChannelInput = z.infer<typeof createApiChannelBodySchema>;
export type UpdateApiChannelInput = z.infer<typeof updateApiChannelBodySchema>;
