import type { AttributeDefDto, CustomerMergeDto, CustomerDto, CustomerNoteDto, CustomerProfileDto, CustomerSuggestionDto, MergeHistoryEntryDto, TicketStoryDto, TicketSuggestionDto } from '@keluh/contracts';
import type { Http } from './http.ts';

export interface CustomerPatch {
  type?: CustomerDto['type'];
  characteristic?: CustomerDto['characteristic'];
  attributes?: Record<string, string | number | boolean | null>;
}

/** One customer across channels (docs/customers.md): the profile, its attributes, the story so far, suggestions, merges and their undo. */
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
    ticketSuggestions: (ticketId: number) => http<{ items: TicketSuggestionDto[] }>(`/api/tickets/${ticketId}/suggestions`),
    confirmSuggestion: (id: number) => http<{ suggestion: CustomerSuggestionDto; merge: CustomerMergeDto }>(`/api/suggestions/${id}/confirm`, { method: 'POST' }),
    rejectSuggestion: (id: number) => http<CustomerSuggestionDto>(`/api/suggestions/${id}/reject`, { method: 'POST' }),
    customerMergeHistory: (customerId: number) => http<{ items: MergeHistoryEntryDto[] }>(`/api/customers/${customerId}/history`),
    undoMerge: (mergeId: number) => http<CustomerMergeDto>(`/api/customer-merges/${mergeId}/undo`, { method: 'POST' }),
  };
}
