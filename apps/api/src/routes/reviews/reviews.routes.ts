import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerReview, requestReview } from '@keluh/core';
import { errorResponseSchema, idSchema, reviewAnswerBodySchema, reviewSchema, ticketIdParamsSchema } from '@keluh/contracts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const reviewIdParamsSchema = z.object({ id: idSchema });

/** Stage 5 for staff: ask for a rating, or enter the answer the customer gave on the phone. */
const reviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.requireUser);
  const { core } = app.services;

  app.post(
    '/tickets/:id/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary: "Ask the customer for a rating in their own channel (5 options, their language)",
        description: 'One open review per ticket: review.open_exists. Outside the channel window: channel.window_closed.',
        security: [{ bearer: [] }, { session: [] }],
        params: ticketIdParamsSchema,
        response: { 201: reviewSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await requestReview(core, { ticketId: request.params.id, requestedBy: request.user!.id })),
  );

  app.post(
    '/reviews/:id/answer',
    {
      config: { ticketOf: 'review' },
      schema: {
        tags: ['reviews'],
        summary: 'Enter a score, comment or consent for the customer',
        description: 'A score outside 1–5: review.invalid_score. A score on a rated review, or consent never asked: review.not_requested.',
        security: [{ bearer: [] }, { session: [] }],
        params: reviewIdParamsSchema,
        body: reviewAnswerBodySchema,
        response: { 200: reviewSchema, ...errors },
      },
    },
    async (request) => answerReview(core, request.params.id, request.body),
  );
};

export default reviewsRoutes;
