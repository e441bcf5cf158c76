import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, decideMediaType } from '@keluh/core';
import { mediaHeaders } from '../../media/media-headers.ts';

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
        description:
          'The type is decided from the bytes: allow-listed images, video and audio are served inline, anything else as a download (Content-Disposition: attachment), always sandboxed (Content-Security-Policy: sandbox) and with nosniff. Errors 400, 401 and 404 carry the usual { error: { code } } body.',
      },
    },
    async (request, reply) => {
      const media = await app.services.media.read(request.params.sha256);
      if (!media) throw new AppError('media.not_found', 'No such attachment');
      // Decided again from the bytes: files stored before the type was decided kept the sender's claim.
      return reply.headers(mediaHeaders(decideMediaType(media.bytes, media.mimeType))).send(media.bytes);
    },
  );
};

export default mediaRoutes;
