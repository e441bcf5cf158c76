import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@keluh/core';

const mediaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  app.get(
    '/:sha256',
    {
      schema: {
        tags: ['media'],
        summary: 'A downloaded channel attachment (content-addressed)',
        security: [{ bearer: [] }, { session: [] }],
        params: z.object({ sha256: z.string().regex(/^[a-f0-9]{64}$/) }),
        // The 200 body is the file itself; errors are the usual coded JSON.
        description: 'Errors 400, 401 and 404 carry the usual { error: { code } } body.',
      },
    },
    async (request, reply) => {
      const media = await app.services.media.read(request.params.sha256);
      if (!media) throw new AppError('media.not_found', 'No such attachment');
      // Content-addressed: the bytes behind a name never change.
      return reply.type(media.mimeType).header('cache-control', 'private, max-age=31536000, immutable').header('x-content-type-options', 'nosniff').send(media.bytes);
    },
  );
};

export default mediaRoutes;
