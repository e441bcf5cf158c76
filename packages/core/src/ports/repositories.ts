import type { ApiChannelRepository, ChannelConfigRepository, ParkedStatusRepository, SettingsRepository } from './channels.port.ts';
import type { CustomerRepository, IdentityRepository } from './customers.port.ts';
import type { EventRepository } from './events.port.ts';
import type { MessageRepository } from './messages.port.ts';
import type { SessionRepository, TeamRepository, UserRepository } from './staff.port.ts';
import type { TicketRepository } from './tickets.port.ts';
import type { JobRepository, OutboxRepository } from './work.port.ts';
import type { LoginFailureRepository } from './login-failures.port.ts';
import type { VisitorSessionRepository } from './visitor-sessions.port.ts';
import type { CategoryRepository, FactRepository, NoteRepository, PhraseRepository, TicketActivityRepository, WorkflowRepository, WorkflowSettingsRepository } from './workflow.port.ts';
import type { PromiseRepository, ResolutionRepository, SimilarCaseSearch } from './cases.port.ts';
import type { RecoveryTaskRepository, ReviewRepository } from './reviews.port.ts';
import type { BoardReadModel } from './board.port.ts';
import type { BusinessCalendarRepository, HolidayListRepository, SlaClockRepository, SlaPolicyRepository } from './sla.port.ts';
import type { AgentCapacityRepository, AuditLogRepository } from './admin.port.ts';
import type { AssignmentRepository, PresenceChoiceRepository } from './assignment.port.ts';
import type { ReportRollupRepository } from './reports.port.ts';
import type { CustomerMergeRepository, CustomerSuggestionRepository } from './customer-merges.port.ts';
import type { TicketMoveRepository } from './ticket-moves.port.ts';
import type { CustomerProfileRepository } from './customer-profile.port.ts';
import type { SearchIndex } from './search.port.ts';

export type * from './channels.port.ts';
export type * from './customers.port.ts';
export type * from './events.port.ts';
export type * from './messages.port.ts';
export type * from './staff.port.ts';
export type * from './tickets.port.ts';
export type * from './work.port.ts';
export type * from './workflow.port.ts';
export type * from './cases.port.ts';
export type * from './reviews.port.ts';
export type * from './board.port.ts';
export type * from './sla.port.ts';
export type * from './admin.port.ts';
export type * from './assignment.port.ts';
export type * from './reports.port.ts';
export type * from './customer-merges.port.ts';
export type * from './ticket-moves.port.ts';
export type * from './customer-profile.port.ts';
export type * from './search.port.ts';

/*
 * Persistence ports, implemented by packages/db for SQLite (embedded default) and PostgreSQL. Each port
 * states the guarantees it gives; packages/db's behaviour suite holds both implementations to them. No
 * guarantee rests on a database running one thing at a time.
 *
 * Convention every implementation keeps: methods named find…, list…, get…, count…, latest… and search… only read.
 * Outside a transaction they may be served by another connection than writes (SQLite's reader, a pool),
 * so they see what has committed — never a transaction in progress, including the caller's own: inside a
 * transaction, read through the `tx` it hands you.
 */
export interface Repositories {
  customers: CustomerRepository;
  identities: IdentityRepository;
  tickets: TicketRepository;
  messages: MessageRepository;
  events: EventRepository;
  users: UserRepository;
  teams: TeamRepository;
  sessions: SessionRepository;
  outbox: OutboxRepository;
  jobs: JobRepository;
  settings: SettingsRepository;
  channelConfigs: ChannelConfigRepository;
  parkedStatuses: ParkedStatusRepository;
  apiChannels: ApiChannelRepository;
  loginFailures: LoginFailureRepository;
  visitorSessions: VisitorSessionRepository;
  workflows: WorkflowRepository;
  facts: FactRepository;
  categories: CategoryRepository;
  workflowSettings: WorkflowSettingsRepository;
  notes: NoteRepository;
  activities: TicketActivityRepository;
  phrases: PhraseRepository;
  resolutions: ResolutionRepository;
  similarCases: SimilarCaseSearch;
  promises: PromiseRepository;
  reviews: ReviewRepository;
  recoveryTasks: RecoveryTaskRepository;
  board: BoardReadModel;
  slaPolicies: SlaPolicyRepository;
  businessCalendars: BusinessCalendarRepository;
  holidayLists: HolidayListRepository;
  slaClocks: SlaClockRepository;
  auditLog: AuditLogRepository;
  agentCapacities: AgentCapacityRepository;
  assignment: AssignmentRepository;
  presenceChoices: PresenceChoiceRepository;
  reportRollups: ReportRollupRepository;
  customerMerges: CustomerMergeRepository;
  customerSuggestions: CustomerSuggestionRepository;
  ticketMoves: TicketMoveRepository;
  customerProfiles: CustomerProfileRepository;
  search: SearchIndex;
}

/**
 * Runs work atomically: all of it commits or none. Work must not do network I/O or wait on timers inside
 * the transaction (it holds a writer, and on SQLite the only one); do that before or after.
 * A transaction may be retried from the start when the database reports a conflict that a retry resolves
 * (a serialization failure), so work must not have side effects outside the database.
 */
export interface UnitOfWork {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
}

export interface Database extends Repositories, UnitOfWork {
  /** Which engine this is, for logs and the start banner. */
  readonly dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}
