import type { FastifyPluginAsync } from 'fastify';
import { createHash } from 'node:crypto';
import { AppError, takeInWebhook } from '@keluh/core';
import { parseChannelJson } from '@keluh/contracts';
import { errorBody } from '../../plugins/error-handler.plugin.ts';

/** Meta batches up to 1000 updates in one POST of up to 3 MB (channels.md §2.5); leave headroom. */
export const WEBHOOK_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * `GET|POST /webhooks/whatsapp` and `/webhooks/instagram`. The body is kept as raw bytes because the
 * signature covers exactly what Meta sent (§1.2): verify first, parse after, store everything in one
 * transaction (or, for a batch too large to store in time, commit it whole as a job), and only then answer
 * 200 — a retry of a failed delivery changes nothing.
 */
const metaWebhooksRoutes: FastifyPluginAsync = async (app) => {
  const { channels, core, jobs } = app.services;
  // Encapsulated: only these routes read bodies as bytes, of any content type Meta might label them with.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));

  for (const kind of ['whatsapp', 'instagram'] as const) {
    const adapterFor = () => {
      const adapter = channels.webhookAdapter(kind);
      if (!adapter) throw new AppError('channel.not_configured', `The ${kind} channel is not connected`);
      return adapter;
    };

    app.get(`/${kind}`, { schema: { tags: ['webhooks'], summary: `${kind} verification handshake (hub.challenge)` } }, async (request, reply) => {
      const result = adapterFor().answerHandshake(request.query as Record<string, unknown>);
      if (!result.ok) return reply.status(403).send(errorBody('webhook.verification_failed', 'Verify token or mode is wrong'));
      return reply.type('text/plain').send(result.challenge);
    });

    app.post(`/${kind}`, { schema: { tags: ['webhooks'], summary: `${kind} notifications, signed with X-Hub-Signature-256` } }, async (request, reply) => {
      // No connected channel means no secret any signature could match: answered like a wrong one, so a
      // stranger probing with guessed (or once-published demo) secrets learns nothing from the status.
      const adapter = channels.webhookAdapter(kind);
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!adapter || !adapter.verifySignature(raw, request.headers['x-hub-signature-256'])) {
        throw new AppError('webhook.invalid_signature', 'X-Hub-Signature-256 does not match the body');
      }
      let body: unknown;
      try {
        // NUL and lone surrogates (`\u0000`, `\ud83d` alone) become U+FFFD: refusing would lose the message.
        body = parseChannelJson(raw.toString('utf8'));
      } catch {
        throw new AppError('webhook.invalid_payload', 'The webhook body is not JSON');
      }
      const events = adapter.parse({ body });
      const intake = await takeInWebhook(core, events, () => createHash('sha256').update(raw).digest('hex'));
      if (intake.stored === 'now') {
        const ignored = intake.outcomes.filter((outcome) => 'outcome' in outcome && (outcome.outcome === 'ignored' || outcome.outcome === 'parked')).length;
        request.log.info({ channel: kind, events: events.length, ignored }, 'webhook ingested');
      } else {
        // Committed as a job: run it now rather than at the next poll.
        jobs.kick();
        request.log.info({ channel: kind, events: events.length }, 'webhook queued');
      }
      // §2.3.7: account-level errors (e.g. 130429 throughput) concern no single message: log, never fail the delivery.
      const accountErrors = adapter.webhookErrors?.({ body }) ?? [];
      if (accountErrors.length > 0) request.log.warn({ channel: kind, errors: accountErrors }, 'channel reported account-level errors');
      channels.noteWebhook(kind, core.clock.now());
      return reply.status(200).send({ received: events.length });
    });
  }
};

export default metaWebhooksRoutes;
