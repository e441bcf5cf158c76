import { ChannelMediaError, decideMediaType, recordAttachment, type AdapterRegistry, type CoreDeps, type InboundAttachment, type JobHandler, type MediaDownloadPayload } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';
import type { MediaStore } from './media-store.ts';

const MAX_TRIES = 3;

/**
 * Downloads one channel attachment after its webhook was answered (channels.md §2.7: ids expire in 7 days,
 * so fetch on receipt). The job is scheduled in the same transaction as the message, so a restart or a
 * second process never leaves a photo "downloading" for ever; running it twice stores the same bytes once.
 */
export function mediaDownloadHandler(deps: CoreDeps, adapters: AdapterRegistry, store: MediaStore, log: FastifyBaseLogger): JobHandler {
  return {
    maxAttempts: MAX_TRIES,
    // A large video on a slow CDN: the adapters' own timeouts stay well inside this.
    leaseMs: 10 * 60_000,
    async run(job) {
      const { messageId, index } = job.payload as unknown as MediaDownloadPayload;
      const message = await deps.db.messages.findById(messageId);
      const attachment = message?.attachments[index];
      if (!message || attachment?.state !== 'pending') return { kind: 'done' };
      const adapter = adapters[message.channel];
      try {
        if (!adapter?.fetchMedia) throw new ChannelMediaError('The channel cannot download media', true);
        const media = await adapter.fetchMedia({ ...attachment, kind: attachment.kind as InboundAttachment['kind'] });
        // The claimed type is the sender's word; what we store (and the console shows) is what the bytes are.
        const { mimeType } = decideMediaType(media.bytes, media.mimeType);
        const stored = await store.save(media.bytes, mimeType);
        await recordAttachment(deps, messageId, index, { state: 'stored', url: `/api/media/${stored.sha256}`, sha256: stored.sha256, size: stored.size, mimeType });
        return { kind: 'done' };
      } catch (error) {
        const refusal = error instanceof ChannelMediaError ? error.code : null;
        const expired = error instanceof ChannelMediaError && error.expired;
        const reason = error instanceof Error ? error.message : String(error);
        // A refusal (internal address, too large, too slow) would be refused the same way again.
        if (!expired && !refusal && job.attempts + 1 < MAX_TRIES) return { kind: 'retry', error: reason };
        log.warn({ err: error, messageId, code: refusal }, 'media unavailable');
        await recordAttachment(deps, messageId, index, { state: 'unavailable', ...(refusal ? { error: { code: refusal, reason } } : {}) });
        return { kind: 'failed', error: reason };
      }
    },
  };
}
