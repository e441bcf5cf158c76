import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createPhrase, deletePhrase, listPhrases, updatePhrase } from '@keluh/core';
import { errorResponseSchema, phraseIdParamsSchema, phraseListSchema, phraseQuerySchema, phraseSchema, savePhraseBodySchema } from '@keluh/contracts';
import { z } from 'zod';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const security: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
/** What docs/workflow.md §Authorisation names for editing the bank (admins). */
const configure = { permission: 'workflow.configure' } as const;

const phrasesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/',
    { schema: { tags: ['phrases'], summary: 'The phrase bank, by stage and language, optionally filtered by typed words', security, querystring: phraseQuerySchema, response: { 200: phraseListSchema, ...errors } } },
    async (request) => ({ items: await listPhrases(core, request.query) }),
  );

  app.post(
    '/',
    {
      config: configure,
      schema: { tags: ['phrases'], summary: 'Add a phrase (admins); unknown {placeholders} → phrase.unknown_placeholder', security, body: savePhraseBodySchema, response: { 201: phraseSchema, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await createPhrase(core, request.body, request.user!.id)),
  );

  app.put(
    '/:id',
    {
      config: configure,
      schema: { tags: ['phrases'], summary: 'Replace a phrase (admins)', security, params: phraseIdParamsSchema, body: savePhraseBodySchema, response: { 200: phraseSchema, ...errors } },
    },
    async (request) => updatePhrase(core, request.params.id, request.body, request.user!.id),
  );

  app.delete(
    '/:id',
    {
      config: configure,
      schema: { tags: ['phrases'], summary: 'Remove a phrase (admins)', security, params: phraseIdParamsSchema, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await deletePhrase(core, request.params.id, request.user!.id);
      return reply.code(204).send(null);
    },
  );
};

export default phrasesRoutes;
