import type { AttributeDefDto, CustomerDto, CustomerNoteDto, CustomerProfileDto, TicketStoryDto } from '@keluh/contracts';
import type { Http } from './http.ts';

export interface CustomerPatch {
  type?: CustomerDto['type'];
  characteristic?: CustomerDto['characteristic'];
  attributes?: Record<string, string | number | boolean | null>;
}

/** The customer profile, its attributes and the story so far of a ticket (docs/customers.md §Profile). */
export function createCustomersApi(http: Http) {
  return {
    customerProfile: (id: number, signal?: AbortSignal) => http<CustomerProfileDto>(`/api/customers/${id}/profile`, { signal }),
    updateCustomer: (id: number, body: CustomerPatch) => http<CustomerDto>(`/api/customers/${id}`, { method: 'PATCH', body }),
    addCustomerNote: (id: number, body: string) => http<CustomerNoteDto>(`/api/customers/${id}/notes`, { method: 'POST', body: { body } }),
    ticketStory: (ticketId: number, signal?: AbortSignal) => http<TicketStoryDto>(`/api/tickets/${ticketId}/story`, { signal }),
    attributeDefs: () => http<{ items: AttributeDefDto[] }>('/api/customer-attributes'),
    defineAttribute: (body: { key: string; label: string; type: AttributeDefDto['type']; choices?: string[] }) =>
      http<AttributeDefDto>('/api/customer-attributes', { method: 'POST', body }),
    removeAttribute: (key: string) => http<null>(`/api/customer-attributes/${encodeURIComponent(key)}`, { method: 'DELETE' }),
  };
}
