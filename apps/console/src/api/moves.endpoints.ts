import type { MergeTargetDto, TicketMoveDto, TicketMoveResultDto } from '@keluh/contracts';
import type { Http } from './http.ts';

/** Ticket merge, split and undo (docs/customers.md §Threading). */
export function createMovesApi(http: Http) {
  return {
    mergeTargets: (id: number) => http<{ items: MergeTargetDto[] }>(`/api/tickets/${id}/merge-targets`),
    ticketMoves: (id: number) => http<{ items: TicketMoveDto[] }>(`/api/tickets/${id}/moves`),
    mergeTicket: (id: number, intoTicketId: number) => http<TicketMoveResultDto>(`/api/tickets/${id}/merge`, { method: 'POST', body: { intoTicketId } }),
    splitTicket: (id: number, messageIds: number[]) => http<TicketMoveResultDto>(`/api/tickets/${id}/split`, { method: 'POST', body: { messageIds } }),
    undoTicketMove: (moveId: number) => http<TicketMoveResultDto>(`/api/ticket-moves/${moveId}/undo`, { method: 'POST' }),
  };
}
