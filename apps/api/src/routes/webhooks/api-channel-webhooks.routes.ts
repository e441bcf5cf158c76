import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { AppError, ingestEvents } from '@keluh/core';
import { API_SIGNATURE_HEADER } from '@keluh/channels';
import {
  apiChannelInboundResultSchema,
  apiChannelInboundSchema,
  apiChannelSignatureHeadersSchema,
  apiChannelWebhookParamsSchema,
  errorResponseSchema,
  parseChannelJson,
} from '@keluh/contracts';
import { apiChannelWebhookDescription } from './api-channel-webhooks.docs.ts';

/** 100 messages of 4,096 characters, JSON-escaped at up to 6 bytes each, fit with room to spare. */
export const API_CHANNEL_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * Body and headers schemas are declared for the OpenAPI document only. The body arrives as raw bytes
 * (the signature covers them) and is validated by the adapter after the signature check; a missing
 * signature must answer 401, not 400. Params are validated as everywhere else.
 */
const documentedOnly = new Set(['body', 'headers']);
const bodyAfterSignature: FastifySchemaCompiler<unknown> = (route) =>
  documentedOnly.has(route.httpPart ?? '') ? (data: unknown) => ({ value: data }) : validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `POST /webhooks/api/{channelId}`: verify the raw bytes, then parse, then store the batch in one transaction. */
const apiChannelWebhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  const { channels, core, db } = app.services;
  // Encapsulated: only this route reads bodies as bytes, whatever content type the integrator labels them with.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: API_CHANNEL_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/:channelId',
    {
      validatorCompiler: bodyAfterSignature,
      schema: {
        tags: ['webhooks'],
        summary: 'API channel: customer messages and delivery statuses from your integration (signed)',
        description: apiChannelWebhookDescription,
        params: apiChannelWebhookParamsSchema,
        headers: apiChannelSignatureHeadersSchema,
        body: apiChannelInboundSchema,
        response: { 200: apiChannelInboundResultSchema, 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const channel = await db.apiChannels.findById(request.params.channelId);
      if (!channel) throw new AppError('api_channel.not_found', `There is no API channel ${request.params.channelId}`);
      const raw: unknown = request.body;
      const bytes = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
      if (!channels.api.verifySignature(bytes, request.headers[API_SIGNATURE_HEADER], channel.secret)) {
        throw new AppError('webhook.invalid_signature', "X-Keluh-Signature does not match the body and this channel's secret");
      }
      let body: unknown;
      try {
        // Like Meta's webhooks: NUL and lone surrogates in well-formed JSON become U+FFFD, never a refusal.
        body = parseChannelJson(utf8.decode(bytes));
      } catch {
        throw new AppError('webhook.invalid_payload', 'The body is not UTF-8 JSON');
      }
      const events = channels.api.parse({ apiChannelId: channel.id, body, receivedAt: core.clock.now() });
      const outcomes = await ingestEvents(core, events);
      const messages = outcomes.flatMap((outcome) => (outcome.kind === 'message' ? [outcome.result] : []));
      const duplicates = messages.filter((result) => result.duplicate).length;
      request.log.info({ apiChannelId: channel.id, messages: messages.length, duplicates }, 'api channel batch ingested');
      return reply.status(200).send({ accepted: messages.length - duplicates, duplicates, statuses: outcomes.length - messages.length });
    },
  );
};

export default apiChannelWebhooksRoutes;
