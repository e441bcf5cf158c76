import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent, CustomerProfileDto } from '@keluh/contracts';
import { useApi } from '../../api/use-api.ts';
import type { CustomerPatch } from '../../api/customers.endpoints.ts';
import { useLiveEvents } from '../../realtime/use-live-events.ts';

/** The profile page's customer; a ticket of theirs changing (or the customer, via ticket.updated) reloads it. */
export const useCustomerProfileStore = defineStore('customer-profile', () => {
  const api = useApi();
  const profile = ref<CustomerProfileDto | null>(null);
  const customerId = ref<number | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);

  useLiveEvents({
    applyEvents: (events: readonly AgentEvent[]) => {
      const ticketIds = new Set(profile.value?.tickets.map((ticket) => ticket.id) ?? []);
      if (events.some((event) => event.ticketId !== null && ticketIds.has(event.ticketId) && (event.type === 'ticket.updated' || event.type === 'review.updated'))) void load();
    },
    reload: () => void load(),
  });

  async function hydrate(id: number): Promise<void> {
    if (id !== customerId.value) profile.value = null;
    customerId.value = id;
    await load();
  }

  async function load(): Promise<void> {
    const id = customerId.value;
    if (id === null) return;
    loading.value = true;
    try {
      const next = await api.customerProfile(id);
      if (customerId.value === id) {
        profile.value = next;
        error.value = null;
      }
    } catch (caught) {
      if (customerId.value === id) error.value = caught;
    } finally {
      loading.value = false;
    }
  }

  /** Errors are the caller's to show (useCodedAction); the profile is re-read after a change. */
  async function update(patch: CustomerPatch): Promise<void> {
    if (customerId.value === null) return;
    await api.updateCustomer(customerId.value, patch);
    await load();
  }

  async function addNote(body: string): Promise<void> {
    if (customerId.value === null || !profile.value) return;
    const note = await api.addCustomerNote(customerId.value, body);
    profile.value = { ...profile.value, notes: [note, ...profile.value.notes] };
  }

  return { profile, loading, error, hydrate, update, addNote };
});
