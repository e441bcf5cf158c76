import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '@keluh/core';
import { errorResponseSchema, widgetIdentitySecretSchema } from '@keluh/contracts';
import { newWidgetIdentitySecret, WIDGET_IDENTITY_SECRET_KEY, widgetIdentitySecret } from '../../security/site-identity.ts';

const errors = { 401: errorResponseSchema, 403: errorResponseSchema };
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['settings'], summary, security: staffSecurity });

/**
 * `/api/settings/widget-identity`: the secret the embedding site signs its users with, shown to admins
 * (it goes into the site's server configuration) and rotated like an API channel's: the old one stops at once.
 */
const widgetIdentityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/',
    { config: { permission: 'settings.configure' }, schema: { ...docs('The widget identity secret (admins)'), response: { 200: widgetIdentitySecretSchema, ...errors } } },
    async () => ({ secret: await widgetIdentitySecret(core.db) }),
  );

  app.post(
    '/rotate',
    { config: { permission: 'settings.configure' }, schema: { ...docs('Replace the widget identity secret; identities signed with the old one are refused from now on'), response: { 200: widgetIdentitySecretSchema, ...errors } } },
    async (request) => {
      const secret = newWidgetIdentitySecret();
      await core.db.transaction(async (tx) => {
        await tx.settings.set(WIDGET_IDENTITY_SECRET_KEY, secret);
        await recordAudit(tx, { action: 'secret.rotated', actorUserId: request.user!.id, target: 'settings:widget_identity', data: { keys: ['secret'] } }, core.clock.now());
      });
      request.log.info('widget identity secret rotated');
      return { secret };
    },
  );
};

export default widgetIdentityRoutes;
