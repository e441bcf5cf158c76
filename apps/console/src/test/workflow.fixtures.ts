import type { AgentEvent, ComplaintCategoryDto, PromiseDto, ReviewDto, TicketViewDto, WorkflowSnapshotDto } from '@keluh/contracts';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 6, 9, minute)).toISOString();

export const deliveryCategory: ComplaintCategoryDto = {
  key: 'delivery',
  label: { id: 'Pengiriman', en: 'Delivery' },
  position: 0,
  archived: false,
  updatedAt: at(0),
  facts: [
    { key: 'order_number', kind: 'order_number', required: true, label: { id: 'Nomor pesanan', en: 'Order number' }, question: { id: 'Boleh minta nomor pesanannya?', en: 'Could you share the order number?' } },
    { key: 'amount', kind: 'amount', required: false, label: { id: 'Jumlah', en: 'Amount' }, question: { id: 'Berapa jumlah yang dibayar?', en: 'How much did you pay?' } },
    { key: 'what_failed', kind: 'text', required: true, label: { id: 'Apa yang gagal', en: 'What failed' }, question: { id: 'Apa yang terjadi?', en: 'What happened?' } },
  ],
};

export function workflowSnapshot(ticketId: number, overrides: Partial<WorkflowSnapshotDto> & { stage?: 1 | 2 | 3 | 4 | 5; minute?: number } = {}): WorkflowSnapshotDto {
  const { stage = 1, minute = 1, ...rest } = overrides;
  return {
    workflow: {
      ticketId,
      complaint: true,
      notComplaintReason: null,
      stage,
      stageEnteredAt: at(0),
      category: null,
      fault: null,
      rootCause: null,
      rootCauseNote: null,
      solution: null,
      linkedCaseId: null,
      stuckNudgedAt: null,
      updatedAt: at(minute),
    },
    category: null,
    facts: [],
    transitions: [],
    promise: null,
    review: null,
    evaluation: { stage, met: [], missing: ['agent_reply_sent'], canAdvance: false, next: stage < 5 ? ((stage + 1) as 2 | 3 | 4 | 5) : null, canGoBackTo: [1, 2, 3, 4].filter((s) => s < stage) as (1 | 2 | 3 | 4)[] },
    thresholdMs: 15 * 60_000,
    stuck: false,
    ...rest,
  };
}

export function promise(id: number, ticketId: number, overrides: Partial<PromiseDto> = {}): PromiseDto {
  return {
    id, ticketId, text: 'Kurir mengirim ulang besok', dueAt: at(59), ownerUserId: 7, ownerName: 'Dewi', state: 'open', createdBy: 7,
    createdAt: at(10), settledAt: null, settledBy: null, remindedAt: null, overdueAt: null, ...overrides,
  };
}

export function review(id: number, ticketId: number, overrides: Partial<ReviewDto> = {}): ReviewDto {
  return {
    id, ticketId, customerId: ticketId, channel: 'whatsapp', state: 'requested', requestMessageId: 90, consentMessageId: null, score: null,
    comment: null, consent: null, requestedBy: 7, requestedAt: at(20), ratedAt: null, completedAt: null,
    testimonial: { state: 'none', text: null, displayName: null, moderatedBy: null, moderatedAt: null }, ...overrides,
  };
}

export const workflowEvents = {
  updated: (id: number, workflow: WorkflowSnapshotDto, ticket: TicketViewDto): AgentEvent => ({
    id, type: 'workflow.updated', ticketId: ticket.id, createdAt: workflow.workflow.updatedAt, payload: { workflow, ticket, changes: ['stage'] },
  } as AgentEvent),
  promise: (id: number, p: PromiseDto, change: 'created' | 'kept' = 'created'): AgentEvent => ({
    id, type: 'promise.updated', ticketId: p.ticketId, createdAt: p.createdAt, payload: { promise: p, change },
  } as AgentEvent),
  review: (id: number, r: ReviewDto, change: 'requested' | 'rated' = 'rated'): AgentEvent => ({
    id, type: 'review.updated', ticketId: r.ticketId, createdAt: r.requestedAt, payload: { review: r, change },
  } as AgentEvent),
};
