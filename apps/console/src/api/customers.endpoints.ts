import type { CustomerMergeDto, CustomerSuggestionDto, MergeHistoryEntryDto, TicketSuggestionDto } from '@keluh/contracts';
import type { Http } from './http.ts';

/** One customer across channels (docs/customers.md): suggestions, merges and their undo; paths live here only. */
export function createCustomersApi(http: Http) {
  return {
    ticketSuggestions: (ticketId: number) => http<{ items: TicketSuggestionDto[] }>(`/api/tickets/${ticketId}/suggestions`),
    confirmSuggestion: (id: number) => http<{ suggestion: CustomerSuggestionDto; merge: CustomerMergeDto }>(`/api/suggestions/${id}/confirm`, { method: 'POST' }),
    rejectSuggestion: (id: number) => http<CustomerSuggestionDto>(`/api/suggestions/${id}/reject`, { method: 'POST' }),
    customerMergeHistory: (customerId: number) => http<{ items: MergeHistoryEntryDto[] }>(`/api/customers/${customerId}/history`),
    undoMerge: (mergeId: number) => http<CustomerMergeDto>(`/api/customer-merges/${mergeId}/undo`, { method: 'POST' }),
  };
}
