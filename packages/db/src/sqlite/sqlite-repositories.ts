import type { Repositories } from '@keluh/core';
import { createApiChannelRepository } from './api-channels.repository.ts';
import { createChannelConfigRepository } from './channel-configs.repository.ts';
import { createCustomerRepository } from './customers.repository.ts';
import { createParkedStatusRepository } from './parked-statuses.repository.ts';
import { createEventRepository } from './events.repository.ts';
import { createIdentityRepository } from './identities.repository.ts';
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
    settings: createSettingsRepository(db),
    channelConfigs: createChannelConfigRepository(db),
    parkedStatuses: createParkedStatusRepository(db),
    apiChannels: createApiChannelRepository(db),
    loginFailures: createLoginFailureRepository(db),
    visitorSessions: createVisitorSessionRepository(db),
  };
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * The same repositories, each call queued behind any open transaction (see SerialGate for why).
 * Inside a transaction the gate lets calls straight through, so work may use either handle.
 */
export function gateRepositories(repos: Repositories, gate: SerialGate): Repositories {
  const gated: Record<string, Record<string, AnyMethod>> = {};
  for (const [name, repo] of Object.entries(repos) as [string, Record<string, AnyMethod>][]) {
    gated[name] = Object.fromEntries(
      Object.entries(repo).map(([method, fn]) => [method, (...args: unknown[]) => gate.run(() => fn(...args))]),
    );
  }
  return gated as unknown as Repositories;
}
