import type {
  CreatePromiseBody,
  DueSuggestionDto,
  NoteDto,
  PhraseDto,
  PromiseDto,
  ReviewAnswerBody,
  ReviewDto,
  SimilarCasesResponse,
  TransitionBody,
  UpdateWorkflowBody,
  WorkflowSnapshotDto,
  ComplaintCategoryDto,
  WorkflowSettingsDto,
} from '@keluh/contracts';
import type { Http } from './http.ts';

/** The five-stage workflow's endpoints (docs/workflow.md, "HTTP surface"); paths live here only. */
export function createWorkflowApi(http: Http) {
  const ticket = (id: number) => `/api/tickets/${id}`;
  return {
    workflow: (id: number, signal?: AbortSignal) => http<WorkflowSnapshotDto>(`${ticket(id)}/workflow`, { signal }),
    transition: (id: number, body: TransitionBody) =>
      http<WorkflowSnapshotDto>(`${ticket(id)}/workflow/transitions`, { method: 'POST', body }),
    updateWorkflow: (id: number, body: UpdateWorkflowBody) => http<WorkflowSnapshotDto>(`${ticket(id)}/workflow`, { method: 'PATCH', body }),
    setComplaint: (id: number, body: { complaint: boolean; reason?: string }) =>
      http<WorkflowSnapshotDto>(`${ticket(id)}/workflow/complaint`, { method: 'PUT', body }),
    setFact: (id: number, key: string, body: { value: string; sourceMessageId?: number }) =>
      http<WorkflowSnapshotDto>(`${ticket(id)}/facts/${encodeURIComponent(key)}`, { method: 'PUT', body }),
    removeFact: (id: number, key: string) => http<WorkflowSnapshotDto>(`${ticket(id)}/facts/${encodeURIComponent(key)}`, { method: 'DELETE' }),
    addNote: (id: number, body: string) => http<NoteDto>(`${ticket(id)}/notes`, { method: 'POST', body: { body } }),
    similarCases: (id: number, limit = 5) => http<SimilarCasesResponse>(`${ticket(id)}/similar-cases`, { query: { limit } }),
    promiseSuggestion: (id: number) => http<DueSuggestionDto>(`${ticket(id)}/promise-suggestion`),
    makePromise: (id: number, body: CreatePromiseBody) => http<PromiseDto>(`${ticket(id)}/promises`, { method: 'POST', body }),
    settlePromise: (promiseId: number, state: 'kept' | 'broken' | 'cancelled') =>
      http<PromiseDto>(`/api/promises/${promiseId}`, { method: 'PATCH', body: { state } }),
    requestReview: (id: number) => http<ReviewDto>(`${ticket(id)}/reviews`, { method: 'POST' }),
    answerReview: (reviewId: number, body: ReviewAnswerBody) => http<ReviewDto>(`/api/reviews/${reviewId}/answer`, { method: 'POST', body }),
    phrases: (query: { stage?: number; language?: string } = {}) => http<{ items: PhraseDto[] }>('/api/phrases', { query }),
    // The server answers a bare array here (GET /api/workflow/categories), not `{ items }`.
    categories: () => http<ComplaintCategoryDto[]>('/api/workflow/categories'),
    workflowSettings: () => http<WorkflowSettingsDto>('/api/workflow/settings'),
  };
}

export type WorkflowApi = ReturnType<typeof createWorkflowApi>;
