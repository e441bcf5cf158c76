import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getTicketSettings, saveTicketSettings } from '@keluh/core';
import { errorResponseSchema, ticketSettingsSchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['settings'], summary, security: staffSecurity });

/** `/api/settings/tickets`: the switch that limits agents to their own and unassigned tickets (admins). */
const ticketSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/',
    { config: { permission: 'settings.configure' }, schema: { ...docs('Ticket visibility settings'), response: { 200: ticketSettingsSchema, ...errors } } },
    async () => getTicketSettings(core.db),
  );

  app.put(
    '/',
    {
      config: { permission: 'settings.configure' },
      schema: { ...docs('Change ticket visibility (takes effect on the next request and socket sync)'), body: ticketSettingsSchema, response: { 200: ticketSettingsSchema, ...errors } },
    },
    async (request) => {
      const saved = await saveTicketSettings(core, request.body, request.user!.id);
      app.rescopeAgentSockets();
      return saved;
    },
  );
};

export default ticketSettingsRoutes;
