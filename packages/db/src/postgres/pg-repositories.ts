import type { Repositories } from '@keluh/core';
import { createApiChannelRepository } from './api-channels.repository.ts';
import { createChannelConfigRepository } from './channel-configs.repository.ts';
import { createCustomerRepository } from './customers.repository.ts';
import { createEventRepository } from './events.repository.ts';
import { createIdentityRepository } from './identities.repository.ts';
import { createJobRepository } from './jobs.repository.ts';
import { createLoginFailureRepository } from './login-failures.repository.ts';
import { createMessageRepository } from './messages.repository.ts';
import { createOutboxRepository } from './outbox.repository.ts';
import { createParkedStatusRepository } from './parked-statuses.repository.ts';
import type { PgDb } from './pg-db.ts';
import { translatePgError } from './pg-errors.ts';
import { createSessionRepository } from './sessions.repository.ts';
import { createSettingsRepository } from './settings.repository.ts';
import { createTeamRepository } from './teams.repository.ts';
import { createTicketRepository } from './tickets.repository.ts';
import { createUserRepository } from './users.repository.ts';
import { createVisitorSessionRepository } from './visitor-sessions.repository.ts';
import { createWorkflowRepository } from './workflows.repository.ts';
import { createFactRepository } from './facts.repository.ts';
import { createCategoryRepository } from './categories.repository.ts';
import { createWorkflowSettingsRepository } from './workflow-settings.repository.ts';
import { createNoteRepository } from './notes.repository.ts';
import { createTicketActivityRepository } from './activities.repository.ts';
import { createPhraseRepository } from './phrases.repository.ts';
import { createResolutionRepository } from './resolutions.repository.ts';
import { createSimilarCaseSearch } from './similar-cases.repository.ts';
import { createPromiseRepository } from './promises.repository.ts';
import { createReviewRepository } from './reviews.repository.ts';
import { createRecoveryTaskRepository } from './recovery-tasks.repository.ts';
import { createBoardReadModel } from './board.repository.ts';
import { createSlaPolicyRepository } from './sla-policies.repository.ts';
import { createBusinessCalendarRepository } from './business-calendars.repository.ts';
import { createHolidayListRepository } from './holiday-lists.repository.ts';
import { createSlaClockRepository } from './sla-clocks.repository.ts';
import { createAuditLogRepository } from './audit-log.repository.ts';
import { createAgentCapacityRepository } from './agent-capacities.repository.ts';
import { createAssignmentRepository } from './assignment.repository.ts';
import { createPresenceChoiceRepository } from './presence-choices.repository.ts';
import { createReportRollupRepository } from './report-rollups.repository.ts';
import { createCustomerMergeRepository } from './customer-merges.repository.ts';
import { createCustomerSuggestionRepository } from './customer-suggestions.repository.ts';
import { createTicketMoveRepository } from './ticket-moves.repository.ts';
import { createCustomerProfileRepository } from './customer-profiles.repository.ts';
import { createSearchIndex } from './search.repository.ts';

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * What one transaction remembers while the repositories serve it. The repositories of a transaction
 * are built once per pooled connection (open-postgres.ts) and reused by its next transactions, so this
 * state is cleared at the start of each one.
 */
export interface TransactionState {
  /** The channel ids whose advisory locks this transaction holds already: taking one again is a wasted round trip. */
  heldChannelIds: Set<string>;
}

export interface PgRepositoryOptions {
  inTransaction: boolean;
  transactionState?: TransactionState;
}

/**
 * Every port on one drizzle handle: the pool (each call on whichever connection is free, autocommit, so
 * reads see only what has committed) or one transaction's client.
 */
export function createPgRepositories(db: PgDb, options: PgRepositoryOptions): Repositories {
  return withPgErrors({
    customers: createCustomerRepository(db),
    identities: createIdentityRepository(db),
    tickets: createTicketRepository(db),
    messages: createMessageRepository(db, { inTransaction: options.inTransaction, heldChannelIds: options.transactionState?.heldChannelIds ?? new Set() }),
    events: createEventRepository(db, options),
    users: createUserRepository(db),
    teams: createTeamRepository(db),
    sessions: createSessionRepository(db),
    outbox: createOutboxRepository(db),
    jobs: createJobRepository(db),
    settings: createSettingsRepository(db),
    channelConfigs: createChannelConfigRepository(db),
    parkedStatuses: createParkedStatusRepository(db),
    apiChannels: createApiChannelRepository(db),
    loginFailures: createLoginFailureRepository(db),
    visitorSessions: createVisitorSessionRepository(db),
    workflows: createWorkflowRepository(db, options),
    facts: createFactRepository(db),
    categories: createCategoryRepository(db),
    workflowSettings: createWorkflowSettingsRepository(db),
    notes: createNoteRepository(db),
    activities: createTicketActivityRepository(db),
    phrases: createPhraseRepository(db),
    resolutions: createResolutionRepository(db),
    similarCases: createSimilarCaseSearch(db),
    promises: createPromiseRepository(db),
    reviews: createReviewRepository(db),
    recoveryTasks: createRecoveryTaskRepository(db),
    board: createBoardReadModel(db),
    slaPolicies: createSlaPolicyRepository(db),
    businessCalendars: createBusinessCalendarRepository(db),
    holidayLists: createHolidayListRepository(db),
    slaClocks: createSlaClockRepository(db),
    auditLog: createAuditLogRepository(db),
    agentCapacities: createAgentCapacityRepository(db),
    assignment: createAssignmentRepository(db),
    presenceChoices: createPresenceChoiceRepository(db),
    reportRollups: createReportRollupRepository(db),
    customerMerges: createCustomerMergeRepository(db),
    customerSuggestions: createCustomerSuggestionRepository(db),
    ticketMoves: createTicketMoveRepository(db),
    customerProfiles: createCustomerProfileRepository(db),
    search: createSearchIndex(db, { inTransaction: options.inTransaction }),
  });
}

/** Lets no driver error out of a port unnamed (see translatePgError); coded AppErrors pass through. */
function withPgErrors(repositories: Repositories): Repositories {
  const wrapped: Record<string, Record<string, AnyMethod>> = {};
  for (const [name, repository] of Object.entries(repositories) as [string, Record<string, AnyMethod>][]) {
    wrapped[name] = Object.fromEntries(
      Object.entries(repository).map(([method, call]) => [method, (...args: unknown[]) => call(...args).catch((error: unknown) => Promise.reject(translatePgError(error)))]),
    );
  }
  return wrapped as unknown as Repositories;
}
