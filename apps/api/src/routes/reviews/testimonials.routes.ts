import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listTestimonials, moderateTestimonial, publishedTestimonials, testimonialsCsv } from '@keluh/core';
import {
  errorResponseSchema,
  idSchema,
  moderateTestimonialBodySchema,
  publicTestimonialSchema,
  reviewSchema,
  testimonialExportQuerySchema,
  testimonialsQuerySchema,
} from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const moderate = { permission: 'testimonials.moderate' } as const;

/** The testimonial library: what customers allowed us to publish, moderated before anyone sees it. */
const testimonialsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.get(
    '/',
    {
      config: moderate,
      schema: {
        tags: ['testimonials'],
        summary: 'Testimonials by moderation state, newest first',
        security: [{ bearer: [] }, { session: [] }],
        querystring: testimonialsQuerySchema,
        response: { 200: z.object({ items: z.array(reviewSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await listTestimonials(core, request.user!, request.query) }),
  );

  app.get(
    '/export',
    {
      config: moderate,
      schema: {
        tags: ['testimonials'],
        summary: 'The approved testimonials as JSON or CSV (formula-safe cells)',
        security: [{ bearer: [] }, { session: [] }],
        querystring: testimonialExportQuerySchema,
        response: { 200: z.union([z.array(publicTestimonialSchema), z.string()]), ...errors },
      },
    },
    async (request, reply) => {
      const rows = await publishedTestimonials(core);
      const extension = request.query.format;
      reply.header('content-disposition', `attachment; filename="testimonials.${extension}"`);
      if (extension === 'json') return rows;
      return reply.type('text/csv; charset=utf-8').send(testimonialsCsv(rows));
    },
  );

  app.patch(
    '/:reviewId',
    {
      config: { ...moderate, ticketOf: 'review' },
      schema: {
        tags: ['testimonials'],
        summary: 'Approve, reject or edit a testimonial',
        description: 'Approving needs the customer\'s consent: testimonial.no_consent.',
        security: [{ bearer: [] }, { session: [] }],
        params: z.object({ reviewId: idSchema }),
        body: moderateTestimonialBodySchema,
        response: { 200: reviewSchema, ...errors },
      },
    },
    async (request) => moderateTestimonial(core, request.params.reviewId, request.body, request.user!.id),
  );
};

export default testimonialsRoutes;
