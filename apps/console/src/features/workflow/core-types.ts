/* Wire shapes the workflow feature works with, from the contracts (what the server sends). */
export type {
  ComplaintCategoryDto as ComplaintCategory,
  MessageDto,
  TicketFactDto as TicketFact,
  WorkflowSnapshotDto,
  StageTransitionDto,
  NoteDto,
  TicketActivityDto,
  PhraseDto,
  PromiseDto,
  ReviewDto,
  DueSuggestionDto,
  SimilarCasesResponse,
} from '@keluh/contracts';
export type { FactDefinition, ProposedFact, UserRole, ExitCriterion, EmotionReading, WorkflowStage } from '@keluh/core';
