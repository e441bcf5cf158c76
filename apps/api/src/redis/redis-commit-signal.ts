import type { Redis } from 'ioredis';
import { CommitSignal } from './commit-signal.ts';

export interface RedisCommitSignalOptions {
  channel: string;
  instanceId: string;
  /**
   * Another process committed up to `newestId`; `null` after this process's subscription came back from
   * an outage, when anything may have been committed unheard.
   */
  onCommittedElsewhere(newestId: number | null): void;
  onError(error: unknown): void;
}

export interface RunningCommitSignal {
  committed(newestId: number): void;
  stop(): void;
}

/**
 * The commit signal over a Redis channel. Pub/sub delivers at most once and only to who is subscribed at
 * that moment, so an outage of Redis (or of our connection to it) loses messages. What makes that safe:
 * when the subscriber is back, the feed reads the log once, which holds everything committed meanwhile.
 * That read must come after the subscription is live again, or a commit landing between the read and the
 * re-subscription would go unheard until the next one: ioredis announces `ready` before it re-subscribes,
 * so we subscribe ourselves and call back only when Redis has confirmed it.
 */
export async function startRedisCommitSignal(publisher: Redis, subscriber: Redis, options: RedisCommitSignalOptions): Promise<RunningCommitSignal> {
  const signal = new CommitSignal({
    instanceId: options.instanceId,
    publish: (message) => publisher.publish(options.channel, message),
    onCommittedElsewhere: (newestId) => options.onCommittedElsewhere(newestId),
    onError: options.onError,
  });
  const onMessage = (channel: string, message: string) => {
    if (channel === options.channel) signal.received(message);
  };
  const onReady = () => {
    subscriber.subscribe(options.channel).then(
      () => options.onCommittedElsewhere(null),
      // Gone again before the subscription was confirmed: the next `ready` tries again.
      () => undefined,
    );
  };
  subscriber.on('message', onMessage);
  await subscriber.subscribe(options.channel);
  subscriber.on('ready', onReady);
  return {
    committed: (newestId) => signal.committed(newestId),
    stop() {
      signal.stop();
      subscriber.off('message', onMessage);
      subscriber.off('ready', onReady);
    },
  };
}
