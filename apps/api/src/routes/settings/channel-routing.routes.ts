import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getChannelRouting, saveChannelRouting } from '@keluh/core';
import { channelRoutingSchema, errorResponseSchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['settings'], summary, security: staffSecurity });

/** `/api/settings/routing`: the team each channel's new tickets open in (admins). */
const channelRoutingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/',
    { config: { permission: 'settings.configure' }, schema: { ...docs('Which team each channel opens new tickets in'), response: { 200: channelRoutingSchema, ...errors } } },
    async () => ({ channelTeams: await getChannelRouting(core.db) }),
  );

  app.put(
    '/',
    {
      config: { permission: 'settings.configure' },
      schema: { ...docs('Route each channel’s new tickets to a team (tickets already open stay where they are)'), body: channelRoutingSchema, response: { 200: channelRoutingSchema, ...errors } },
    },
    async (request) => ({ channelTeams: await saveChannelRouting(core, request.body.channelTeams, request.user!.id) }),
  );
};

export default channelRoutingRoutes;
