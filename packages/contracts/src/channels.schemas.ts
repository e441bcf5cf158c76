import { z } from 'zod';
import { channelKindSchema, instantSchema } from './common.schemas.ts';

const secret = z.string().trim().min(1).max(500);
const graphBaseUrl = z.url({ protocol: /^https?$/ }).max(300);
const graphVersion = z.string().regex(/^v\d+\.\d+$/, { error: 'Like v23.0' });

/** What an admin enters per channel. Secrets are write-only: the API returns them masked. */
export const whatsappSettingsSchema = z
  .object({
    appSecret: secret,
    verifyToken: secret,
    accessToken: secret,
    phoneNumberId: z.string().regex(/^\d{5,30}$/, { error: 'The numeric phone-number id from Meta' }),
    graphBaseUrl: graphBaseUrl.default('https://graph.facebook.com'),
    graphVersion: graphVersion.default('v23.0'),
    /** JSON list of approved templates: [{ name, language, body }] with {{1}} placeholders. */
    templates: z.string().max(20_000).optional(),
  })
  .strict();

export const instagramSettingsSchema = z
  .object({
    appSecret: secret,
    verifyToken: secret,
    accessToken: secret,
    accountId: z.string().regex(/^\d{5,30}$/, { error: 'The numeric Instagram professional account id' }),
    graphBaseUrl: graphBaseUrl.default('https://graph.instagram.com'),
    graphVersion: graphVersion.default('v23.0'),
  })
  .strict();

/** Fields whose values are never sent back in full. */
export const secretSettingKeys = ['appSecret', 'verifyToken', 'accessToken'] as const;

export const channelViewSchema = z.object({
  kind: channelKindSchema,
  /** Secret values masked as `••••1234`. */
  settings: z.record(z.string(), z.string()),
  status: z.enum(['active', 'reconnect_needed']),
  statusReason: z.string().nullable(),
  webhookUrl: z.string(),
  updatedAt: instantSchema,
  /** When this process last accepted a webhook for the channel (null: none since start) — "no webhooks for N minutes". */
  lastWebhookAt: instantSchema.nullable().optional(),
});
export const channelListSchema = z.object({ items: z.array(channelViewSchema) });
export const channelKindParamsSchema = z.object({ kind: z.enum(['whatsapp', 'instagram']) });

export const templateSchema = z.object({ name: z.string(), language: z.string(), body: z.string() });
export const templateListSchema = z.object({ items: z.array(templateSchema) });

export const windowStateSchema = z.object({
  channel: channelKindSchema,
  state: z.enum(['none', 'open', 'human_agent', 'closed']),
  closesAt: instantSchema.nullable().optional(),
  closedAt: instantSchema.nullable().optional(),
});

export type ChannelViewDto = z.infer<typeof channelViewSchema>;
export type WhatsappSettingsInput = z.input<typeof whatsappSettingsSchema>;
export type InstagramSettingsInput = z.input<typeof instagramSettingsSchema>;
export type WindowStateDto = z.infer<typeof windowStateSchema>;
export type TemplateDto = z.infer<typeof templateSchema>;
