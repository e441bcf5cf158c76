import type { Repositories } from '@keluh/core';
import { createApiChannelRepository } from './api-channels.repository.ts';
import { createChannelConfigRepository } from './channel-configs.repository.ts';
import { createCustomerRepository } from './customers.repository.ts';
import { createParkedStatusRepository } from './parked-statuses.repository.ts';
import { createEventRepository } from './events.repository.ts';
import { createIdentityRepository } from './identities.repository.ts';
import { createJobRepository } from './jobs.repository.ts';
import { createLoginFailureRepository } from './login-failures.repository.ts';
import { createMessageRepository } from './messages.repository.ts';
import { createOutboxRepository } from './outbox.repository.ts';
import type { SerialGate } from './serial-gate.ts';
import { createSessionRepository } from './sessions.repository.ts';
import { createSettingsRepository } from './settings.repository.ts';
import type { SqliteDb } from './sqlite-db.ts';
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

export function createSqliteRepositories(db: SqliteDb): Repositories {
  return {
    customers: createCustomerRepository(db),
    identities: createIdentityRepository(db),
    tickets: createTicketRepository(db),
    messages: createMessageRepository(db),
    events: createEventRepository(db),
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
    workflows: createWorkflowRepository(db),
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
    search: createSearchIndex(db),
  };
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** The port's naming convention for methods that only read (see Repositories in core). */
export const READ_ONLY_METHOD = /^(find|list|get|count|latest|search)/;

/**
 * The repositories outside a transaction: reads go to the reader connection and never wait; writes queue
 * behind the gate so they can never land inside another caller's open transaction.
 */
export function splitReadsAndWrites({ reads, writes, gate }: { reads: Repositories; writes: Repositories; gate: SerialGate }): Repositories {
  const routed: Record<string, Record<string, AnyMethod>> = {};
  for (const [name, writeRepo] of Object.entries(writes) as [string, Record<string, AnyMethod>][]) {
    const readRepo = (reads as unknown as Record<string, Record<string, AnyMethod>>)[name]!;
    routed[name] = Object.fromEntries(
      Object.entries(writeRepo).map(([method, write]) => [
        method,
        READ_ONLY_METHOD.test(method) ? readRepo[method]! : (...args: unknown[]) => gate.run(() => write(...args)),
      ]),
    );
  }
  return routed as unknown as Repositories;
}
