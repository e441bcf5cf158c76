import { displayNameFor, renameCustomer, type AdapterRegistry, type CoreDeps, type StoredEvent } from '@keluh/core';
import { InstagramAdapter } from '@keluh/channels';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../realtime/event-bus.ts';

/**
 * Names new Instagram customers from their profile (channels.md §3.7, case 33). Instagram webhooks carry
 * only an IGSID, so the core first names the customer "Instagram 7788"; after the ticket is committed
 * this asks the Graph API who it is and renames them. A blocked user, a null name and no username, or an
 * outage all leave the stand-in name — the message was stored long before.
 */
export class InstagramProfileListener {
  private readonly pending = new Set<Promise<void>>();
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deps: CoreDeps,
    private readonly adapters: AdapterRegistry,
    private readonly bus: EventBus,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    this.unsubscribe = this.bus.subscribe((event: StoredEvent) => {
      if (event.type !== 'ticket.created' || event.payload.ticket.channel !== 'instagram') return;
      const work = this.nameFromProfile(event.payload.ticket.customerId).catch((error: unknown) => {
        this.log.warn({ err: error, customerId: event.payload.ticket.customerId }, 'instagram profile lookup failed');
      });
      this.pending.add(work);
      void work.finally(() => this.pending.delete(work));
    });
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await Promise.allSettled([...this.pending]);
  }

  private async nameFromProfile(customerId: number): Promise<void> {
    const adapter = this.adapters.instagram;
    if (!(adapter instanceof InstagramAdapter)) return;
    const customer = await this.deps.db.customers.findById(customerId);
    if (!customer) return;
    // Only a customer still wearing the stand-in name: never overwrite a real one.
    const identity = (await this.deps.db.identities.listForCustomer(customerId)).find(
      (candidate) => candidate.channel === 'instagram' && customer.name === displayNameFor('instagram', { externalId: candidate.externalId }),
    );
    if (!identity) return;
    const profile = await adapter.fetchProfile(identity.externalId);
    // §3.7: `name` may be null; the username is still better than digits of an id.
    const name = profile.name ?? (profile.username ? `@${profile.username}` : null);
    if (!name) return;
    await renameCustomer(this.deps, customerId, name, { onlyIfNamed: customer.name });
  }
}
