import type { MetaSimKnobs } from './knobs.ts';
import type { MediaStore } from './media.store.ts';
import type { WaCustomer } from './payloads.whatsapp.ts';
import type { SlidingWindowLimiter, TokenBucketLimiter } from './rate.limiter.ts';
import type { MetaSimState } from './state.ts';
import type { TaskTracker } from './task.tracker.ts';
import type { WebhookSender } from './webhook.sender.ts';

/** What every part of the sim shares; built once in meta-sim.ts. */
export interface SimCore {
  readonly knobs: MetaSimKnobs;
  readonly state: MetaSimState;
  readonly media: MediaStore;
  readonly tasks: TaskTracker;
  readonly sender: WebhookSender;
  readonly limits: { waNumber: SlidingWindowLimiter; waPair: TokenBucketLimiter; igSends: SlidingWindowLimiter };
  /** Customers seen in inbound webhooks, so status `contacts[]` can carry their profile (§2.3.6). */
  readonly waContacts: Map<string, WaCustomer>;
  now(): number;
  /** Aborted by `stop()` / `reset()`: delayed webhooks stop waiting. */
  signal(): AbortSignal;
  baseUrl(): string;
  log(line: string): void;
}
