import { commit, type CoreDeps } from '../shared/deps.ts';
import type { Identity } from '../customers/customer.types.ts';
import type { SiteVisitorClaims } from './site-identity.rules.ts';

/**
 * Stores the web-chat identity of a visitor the site vouched for as `verified`, with the E.164 phone and
 * normalised email it gave: created with its customer on first sight, brought up to date after. Before
 * the visitor writes, so their first message already comes from a known person.
 *
 * First sight races (two tabs opening at once): both create a customer, one identity insert wins; the
 * loser removes its customer (nothing points at it) and updates the winner's identity.
 */
export async function recordSiteVisitor(deps: CoreDeps, visitorId: string, claims: SiteVisitorClaims): Promise<Identity> {
  return commit(deps, async (tx) => {
    const now = deps.clock.now();
    const keys = { displayName: claims.name, phone: claims.phone, email: claims.email };
    let identity = await tx.identities.findByExternalId('webchat', visitorId);
    if (!identity) {
      const customer = await tx.customers.create({ name: claims.name ?? claims.email ?? claims.phone ?? 'Pengunjung', phone: claims.phone, email: claims.email }, now);
      identity = await tx.identities.insertIfAbsent({ customerId: customer.id, channel: 'webchat', externalId: visitorId, displayName: claims.name, verified: true }, now);
      if (!identity) {
        await tx.customers.deleteUnreferenced(customer.id);
        identity = (await tx.identities.findByExternalId('webchat', visitorId))!;
      }
    }
    return tx.identities.vouch(identity.id, keys);
  });
}
