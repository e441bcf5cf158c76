import { getCurrentScope, onScopeDispose } from 'vue';
import type { LiveConsumer } from './live-consumers.ts';
import { useRealtimeStore, type LiveSubscription } from './realtime.store.ts';

/**
 * Subscribes a feature (usually from inside its setup store) to the realtime events. The subscription
 * ends with the store's scope, so a disposed store is no longer fed.
 */
export function useLiveEvents(consumer: LiveConsumer): LiveSubscription {
  const subscription = useRealtimeStore().subscribe(consumer);
  if (getCurrentScope()) onScopeDispose(() => subscription.stop());
  return subscription;
}
