import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishedTestimonials } from '@keluh/core';
import { publicTestimonialSchema } from '@keluh/contracts';
import { testimonialsScript } from './testimonials-snippet.ts';

/** The public library changes when staff approve one: a few minutes of caching spares us every page view. */
const CACHE = 'public, max-age=300';
/** How many the public surfaces show at most. */
const PUBLIC_LIMIT = 50;

/**
 * Approved testimonials for anyone, without a session: any site may read them (CORS open, no
 * credentials) and nothing identifying leaves (toPublished). Registered at the root: `/testimonials.js`
 * is not under /api, and `/api/public/testimonials` is.
 */
const publicTestimonialsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { core } = app.services;

  app.get(
    '/api/public/testimonials',
    {
      config: { public: true },
      schema: {
        tags: ['testimonials'],
        summary: 'Approved testimonials, for any website (no session, CORS open)',
        response: { 200: z.object({ items: z.array(publicTestimonialSchema) }) },
      },
    },
    async (_request, reply) => {
      reply.header('access-control-allow-origin', '*').header('cache-control', CACHE);
      return { items: await publishedTestimonials(core, PUBLIC_LIMIT) };
    },
  );

  app.get('/testimonials.js', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    const script = testimonialsScript(await publishedTestimonials(core, PUBLIC_LIMIT));
    return reply
      .header('cache-control', CACHE)
      .header('access-control-allow-origin', '*')
      .header('x-content-type-options', 'nosniff')
      .type('text/javascript; charset=utf-8')
      .send(script);
  });
};

export default publicTestimonialsRoutes;
