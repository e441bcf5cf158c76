import { customerHolding, displayNameFor, renameCustomer, type AdapterRegistry, type CoreDeps, type CustomerProfilePayload, type JobHandler } from '@keluh/core';
import { InstagramAdapter } from '@keluh/channels';

/**
 * Names a new Instagram customer from their profile (channels.md §3.7, case 33). Instagram webhooks carry
 * only an IGSID, so the core first names the customer "Instagram 7788" and schedules this job in the same
 * transaction; it asks the Graph API who it is and renames them. A blocked user, a null name and no
 * username leave the stand-in name — the message was stored long before. A customer merged meanwhile (a
 * verified key joined them, an agent confirmed a suggestion) is looked for where they live now: the
 * identity moved with the merge, and its handle is still worth storing.
 */
export function customerProfileHandler(deps: CoreDeps, adapters: AdapterRegistry): JobHandler {
  return {
    maxAttempts: 3,
    async run(job) {
      const { customerId, identityId } = job.payload as unknown as CustomerProfilePayload;
      const adapter = adapters.instagram;
      if (!(adapter instanceof InstagramAdapter)) return { kind: 'failed', error: 'The Instagram channel is not connected' };
      const customer = await customerHolding(deps.db, customerId);
      const identity = customer ? (await deps.db.identities.listForCustomer(customer.id)).find((candidate) => candidate.id === identityId) : undefined;
      if (!customer || !identity) return { kind: 'done' };
      const profile = await adapter.fetchProfile(identity.externalId);
      // The handle is the identity's whatever the customer is called: search and suggestions read it.
      if (profile.username) await deps.db.identities.setKeys(identity.id, { username: profile.username.replace(/^@/, '') });
      // Only a customer still wearing the stand-in name: never overwrite a real one.
      if (customer.name !== displayNameFor('instagram', { externalId: identity.externalId })) return { kind: 'done' };
      // §3.7: `name` may be null; the username is still better than digits of an id.
      const name = profile.name ?? (profile.username ? `@${profile.username}` : null);
      if (name) await renameCustomer(deps, customer.id, name, { onlyIfNamed: customer.name });
      return { kind: 'done' };
    },
  };
}
