import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, recordAudit, type ApiChannel, type AuditRecord, type Repositories } from '@keluh/core';
import { generateApiChannelSecret } from '@keluh/channels';
import {
  apiChannelIdParamsSchema,
  apiChannelListSchema,
  apiChannelViewSchema,
  apiChannelWithSecretSchema,
  createApiChannelBodySchema,
  errorResponseSchema,
  updateApiChannelBodySchema,
} from '@keluh/contracts';
import { toApiChannelView } from '../../channels/api-channel-view.ts';
import { assertOutboundUrl } from '../../outbound/outbound-urls.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
/** Either credential works: a bearer token (API clients) or the console's session cookie. */
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
/** Every route here: connecting integrations is channel configuration (checked before the body is validated). */
const adminOnly = { permission: 'channels.configure' } as const;
const docs = (summary: string) => ({ tags: ['api-channels'], summary, security: staffSecurity });

/**
 * `/api/api-channels`: admins connect integrations of their own (see POST /webhooks/api/{channelId}).
 * The secret is shown in full only in the answer that creates it, so it never sits in a list view.
 */
const apiChannelsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, outbox } = app.services;
  app.addHook('onRequest', app.requireUser);
  const publicUrl = (request: FastifyRequest) => app.services.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
  const found = (channel: ApiChannel | null, id: number): ApiChannel => {
    if (!channel) throw new AppError('api_channel.not_found', `There is no API channel ${id}`);
    return channel;
  };
  /** The change and its audit entry commit together; `found` throws inside, so a miss records nothing. */
  const audited = <T>(work: (tx: Repositories) => Promise<T>, record: (value: T) => AuditRecord): Promise<T> =>
    db.transaction(async (tx) => {
      const value = await work(tx);
      await recordAudit(tx, record(value), clock.now());
      return value;
    });
  const actor = (request: FastifyRequest) => request.user!.id;

  app.get('/', { config: adminOnly, schema: { ...docs('API channels, secrets masked (admins)'), response: { 200: apiChannelListSchema, ...errors } } }, async (request) => ({
    items: (await db.apiChannels.list()).map((channel) => toApiChannelView(channel, publicUrl(request))),
  }));

  app.post(
    '/',
    { config: adminOnly, schema: { ...docs('Create an API channel; the answer holds its secret, shown this once. webhookUrl must be public https unless OUTBOUND_ALLOW_HOSTS lists it (outbound.blocked)'), body: createApiChannelBodySchema, response: { 201: apiChannelWithSecretSchema, ...errors } } },
    async (request, reply) => {
      await assertOutboundUrl(request.body.webhookUrl, 'webhookUrl', app.services.outbound);
      const channel = await audited(
        (tx) => tx.apiChannels.create({ ...request.body, secret: generateApiChannelSecret() }, clock.now()),
        (created) => ({ action: 'channel.configured', actorUserId: actor(request), target: `api_channel:${created.id}`, data: { created: true, name: created.name, webhookUrl: created.webhookUrl } }),
      );
      request.log.info({ apiChannelId: channel.id }, 'api channel created');
      return reply.status(201).send(toApiChannelView(channel, publicUrl(request), 'full'));
    },
  );

  app.post(
    '/:id/rotate-secret',
    {
      config: adminOnly,
      schema: {
        ...docs('Replace the secret; the old one stops working at once (inbound and outbound). The new one is shown this once'),
        params: apiChannelIdParamsSchema,
        response: { 200: apiChannelWithSecretSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const channel = await audited(
        async (tx) => found(await tx.apiChannels.update(id, { secret: generateApiChannelSecret() }, clock.now()), id),
        () => ({ action: 'secret.rotated', actorUserId: actor(request), target: `api_channel:${id}`, data: { keys: ['secret'] } }),
      );
      request.log.info({ apiChannelId: id }, 'api channel secret rotated');
      return toApiChannelView(channel, publicUrl(request), 'full');
    },
  );

  app.patch(
    '/:id',
    { config: adminOnly, schema: { ...docs('Rename an API channel or change its webhook URL'), params: apiChannelIdParamsSchema, body: updateApiChannelBodySchema, response: { 200: apiChannelViewSchema, ...errors } } },
    async (request) => {
      const { id } = request.params;
      if (request.body.webhookUrl !== undefined) await assertOutboundUrl(request.body.webhookUrl, 'webhookUrl', app.services.outbound);
      const channel = await audited(
        async (tx) => found(await tx.apiChannels.update(id, request.body, clock.now()), id),
        () => ({ action: 'channel.configured', actorUserId: actor(request), target: `api_channel:${id}`, data: { changed: Object.keys(request.body).sort(), ...request.body } }),
      );
      // Replies waiting out a back-off against the old URL get their next attempt now.
      if (request.body.webhookUrl) outbox.kick();
      return toApiChannelView(channel, publicUrl(request));
    },
  );

  app.delete(
    '/:id',
    {
      config: adminOnly,
      schema: {
        ...docs('Delete an API channel. Its customers and tickets stay; replies to them fail with api_channel.not_found'),
        params: apiChannelIdParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await audited(
        async (tx) => {
          if (!(await tx.apiChannels.delete(id))) throw new AppError('api_channel.not_found', `There is no API channel ${id}`);
        },
        () => ({ action: 'channel.configured', actorUserId: actor(request), target: `api_channel:${id}`, data: { deleted: true } }),
      );
      request.log.info({ apiChannelId: id }, 'api channel deleted');
      return reply.status(204).send(null);
    },
  );
};

export default apiChannelsRoutes;
