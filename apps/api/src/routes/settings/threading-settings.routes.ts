import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getThreadingSettings, saveThreadingSettings } from '@keluh/core';
import { errorResponseSchema, threadingSettingsSchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['settings'], summary, security: staffSecurity });

/** `/api/settings/threading`: the reopen window (admins). */
const threadingSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/',
    { config: { permission: 'settings.configure' }, schema: { ...docs('Threading settings (the reopen window)'), response: { 200: threadingSettingsSchema, ...errors } } },
    async () => getThreadingSettings(core.db),
  );

  app.put(
    '/',
    {
      config: { permission: 'settings.configure' },
      schema: { ...docs('Change how many days after resolution a customer message reopens the ticket'), body: threadingSettingsSchema, response: { 200: threadingSettingsSchema, ...errors } },
    },
    async (request) => saveThreadingSettings(core, request.body, request.user!.id),
  );
};

export default threadingSettingsRoutes;
