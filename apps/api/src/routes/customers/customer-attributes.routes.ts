import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defineAttribute, deleteAttributeDef, listAttributeDefs, updateAttributeDef } from '@keluh/core';
import { attributeDefListSchema, attributeDefSchema, attributeKeyParamsSchema, createAttributeDefBodySchema, errorResponseSchema, updateAttributeDefBodySchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const staffSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
const docs = (summary: string) => ({ tags: ['customers'], summary, security: staffSecurity });

/** `/api/customer-attributes`: the typed fields admins define for every customer profile. */
const customerAttributesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get('/', { schema: { ...docs('The custom attributes, in order'), response: { 200: attributeDefListSchema, ...errors } } }, async () => ({ items: await listAttributeDefs(core) }));

  app.post(
    '/',
    {
      config: { permission: 'customers.configure' },
      schema: { ...docs('Define a custom attribute (admins)'), body: createAttributeDefBodySchema, response: { 201: attributeDefSchema, 409: errorResponseSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await defineAttribute(core, request.body)),
  );

  app.patch(
    '/:key',
    {
      config: { permission: 'customers.configure' },
      schema: { ...docs('Change its label, order or choices (admins)'), params: attributeKeyParamsSchema, body: updateAttributeDefBodySchema, response: { 200: attributeDefSchema, ...errors } },
    },
    async (request) => updateAttributeDef(core, request.params.key, request.body),
  );

  app.delete(
    '/:key',
    { config: { permission: 'customers.configure' }, schema: { ...docs("Remove it and every customer's value of it (admins)"), params: attributeKeyParamsSchema, response: { 204: z.null().describe('Deleted'), ...errors } } },
    async (request, reply) => {
      await deleteAttributeDef(core, request.params.key);
      return reply.status(204).send(null);
    },
  );
};

export default customerAttributesRoutes;
