import { ChannelMediaError, decideMediaType, recordAttachment, type AdapterRegistry, type CoreDeps, type InboundAttachment, type Message, type StoredEvent } from '@keluh/core';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../realtime/event-bus.ts';
import type { MediaStore } from './media-store.ts';

const MAX_TRIES = 3;
const RETRY_DELAY_MS = 2_000;

interface Job {
  messageId: number;
  index: number;
  attachment: InboundAttachment;
  tries: number;
}

/**
 * Downloads channel media after the webhook has been answered (channels.md §2.7: ids expire in 7 days,
 * so fetch on receipt). One download at a time keeps a burst of photos from starving the event loop.
 */
export class MediaWorker {
  private readonly queue: Job[] = [];
  private running = false;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;
  private idle: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: CoreDeps,
    private readonly adapters: AdapterRegistry,
    private readonly store: MediaStore,
    private readonly bus: EventBus,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    this.unsubscribe = this.bus.subscribe((event: StoredEvent) => {
      if (event.type === 'message.created') this.enqueuePending(event.payload.message);
    });
    // Downloads a restart interrupted are picked up again, so no photo stays "downloading" forever.
    void this.deps.db.messages
      .listWithPendingMedia(500)
      .then((messages) => messages.forEach((message) => this.enqueuePending(message)))
      .catch((error: unknown) => this.log.error({ err: error }, 'pending media scan failed'));
  }

  private enqueuePending(message: Message): void {
    message.attachments.forEach((attachment, index) => {
      if (attachment.state === 'pending') this.enqueue({ messageId: message.id, index, attachment: { ...attachment, kind: attachment.kind as InboundAttachment['kind'] }, tries: 0 });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    await this.idle;
  }

  private enqueue(job: Job): void {
    this.queue.push(job);
    if (!this.running) this.idle = this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (!this.stopped && this.queue.length > 0) await this.download(this.queue.shift()!);
    this.running = false;
  }

  private async download(job: Job): Promise<void> {
    const message = await this.deps.db.messages.findById(job.messageId);
    const adapter = message ? this.adapters[message.channel] : undefined;
    try {
      if (!adapter?.fetchMedia) throw new ChannelMediaError('The channel cannot download media', true);
      const media = await adapter.fetchMedia(job.attachment);
      // The claimed type is the sender's word; what we store (and the console shows) is what the bytes are.
      const { mimeType } = decideMediaType(media.bytes, media.mimeType);
      const stored = await this.store.save(media.bytes, mimeType);
      await recordAttachment(this.deps, job.messageId, job.index, { state: 'stored', url: `/api/media/${stored.sha256}`, sha256: stored.sha256, size: stored.size, mimeType });
    } catch (error) {
      const refusal = error instanceof ChannelMediaError ? error.code : null;
      const expired = error instanceof ChannelMediaError && error.expired;
      // A refusal (internal address, too large, too slow) would be refused the same way again.
      if (!expired && !refusal && job.tries + 1 < MAX_TRIES) {
        setTimeout(() => this.enqueue({ ...job, tries: job.tries + 1 }), RETRY_DELAY_MS).unref();
        return;
      }
      this.log.warn({ err: error, messageId: job.messageId, code: refusal }, 'media unavailable');
      const reason = error instanceof Error ? error.message : String(error);
      await recordAttachment(this.deps, job.messageId, job.index, { state: 'unavailable', ...(refusal ? { error: { code: refusal, reason } } : {}) });
    }
  }
}
