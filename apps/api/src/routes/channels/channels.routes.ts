import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { AppError, announceChannelStatus, approvedTemplates, channelSettingsAudits } from '@keluh/core';
import {
  channelKindParamsSchema,
  channelListSchema,
  channelViewSchema,
  errorResponseSchema,
  instagramSettingsSchema,
  templateListSchema,
  secretSettingKeys,
  whatsappSettingsSchema,
} from '@keluh/contracts';
import { z } from 'zod';
import { assertTokenFollowsHost, mergeSecrets, toChannelView } from '../../channels/channel-settings.ts';
import { assertOutboundUrl } from '../../outbound/outbound-urls.ts';

const settingsSchemas = { whatsapp: whatsappSettingsSchema, instagram: instagramSettingsSchema } as const;

const channelsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { db, channels, clock } = app.services;
  const publicUrl = (request: FastifyRequest) => app.services.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;

  app.get(
    '/',
    { schema: { tags: ['channels'], summary: 'Connected channels, secrets masked', security: [{ bearer: [] }, { session: [] }], response: { 200: channelListSchema, 401: errorResponseSchema } } },
    async (request) => ({
      items: (await db.channelConfigs.list()).map((config) => ({ ...toChannelView(config, publicUrl(request)), lastWebhookAt: channels.lastWebhookAt(config.kind) })),
    }),
  );

  app.put(
    '/:kind',
    {
      config: { permission: 'channels.configure' },
      schema: {
        tags: ['channels'],
        summary:
          'Connect a channel or change its credentials (admins). A masked secret keeps the stored value, except the access token when graphBaseUrl moves to another host (channel.token_required). graphBaseUrl must be public https unless OUTBOUND_ALLOW_HOSTS lists it (outbound.blocked).',
        security: [{ bearer: [] }, { session: [] }],
        params: channelKindParamsSchema,
        body: z.record(z.string(), z.string()),
        response: { 200: channelViewSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request) => {
      const { kind } = request.params;
      const stored = await db.channelConfigs.get(kind);
      const parsed = settingsSchemas[kind].safeParse(mergeSecrets(request.body, stored?.settings));
      if (!parsed.success) {
        throw new AppError('validation.failed', 'The channel settings are not valid', {
          issues: parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path].join('.'), message: issue.message })),
        });
      }
      const settings = Object.fromEntries(Object.entries(parsed.data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      await assertOutboundUrl(parsed.data.graphBaseUrl, 'graphBaseUrl', app.services.outbound);
      assertTokenFollowsHost(kind, request.body, stored?.settings, parsed.data.graphBaseUrl);
      const config = await channels.configure(kind, settings, clock.now(), (before) => channelSettingsAudits(`channel:${kind}`, before, settings, secretSettingKeys, request.user!.id));
      await announceChannelStatus(app.services.core, config);
      app.services.outbox.kick();
      return { ...toChannelView(config, publicUrl(request)), lastWebhookAt: channels.lastWebhookAt(kind) };
    },
  );

  app.post(
    '/instagram/subscribe',
    {
      config: { permission: 'channels.configure' },
      schema: {
        tags: ['channels'],
        summary: 'Re-subscribe the app to Instagram webhooks (admins), e.g. after Meta disabled them for failing deliveries',
        security: [{ bearer: [] }, { session: [] }],
        response: { 200: z.object({ ok: z.literal(true) }), 401: errorResponseSchema, 403: errorResponseSchema, 409: errorResponseSchema, 502: errorResponseSchema },
      },
    },
    async (request) => {
      const adapter = channels.instagram();
      if (!adapter) throw new AppError('channel.not_configured', 'The instagram channel is not connected');
      const result = await adapter.subscribeApp();
      if (!result.ok) throw new AppError('channel.subscribe_failed', `Instagram refused the webhook subscription: ${result.reason}`);
      request.log.info({ channel: 'instagram' }, 'webhooks re-subscribed');
      return { ok: true as const };
    },
  );

  app.get(
    '/whatsapp/templates',
    { schema: { tags: ['channels'], summary: 'Approved WhatsApp templates for the composer', security: [{ bearer: [] }, { session: [] }], response: { 200: templateListSchema, 401: errorResponseSchema } } },
    async () => ({ items: approvedTemplates(await db.channelConfigs.get('whatsapp')) }),
  );
};

export default channelsRoutes;
