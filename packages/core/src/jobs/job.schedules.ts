import type { Repositories } from '../ports/repositories.ts';
import type { Instant } from '../shared/instant.ts';

/*
 * The jobs use cases schedule, with the key that makes each one happen once. Scheduling is part of the
 * transaction that creates the need (the message, the customer), so a crash can never lose the job and a
 * redelivery can never schedule it twice.
 */

export interface MediaDownloadPayload {
  messageId: number;
  index: number;
}

export function scheduleMediaDownload(tx: Pick<Repositories, 'jobs'>, payload: MediaDownloadPayload, now: Instant): Promise<void> {
  return tx.jobs.schedule({ kind: 'media.download', key: `${payload.messageId}:${payload.index}`, runAt: now, payload: { ...payload } }, now);
}

export interface CustomerProfilePayload {
  customerId: number;
  identityId: number;
}

export function scheduleProfileLookup(tx: Pick<Repositories, 'jobs'>, payload: CustomerProfilePayload, now: Instant): Promise<void> {
  return tx.jobs.schedule({ kind: 'customer.profile', key: String(payload.identityId), runAt: now, payload: { ...payload } }, now);
}
