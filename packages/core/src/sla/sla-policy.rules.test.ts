import { describe, expect, it } from 'vitest';
import type { AppError } from '../shared/errors.ts';
import type { SlaPolicy } from './sla-policy.types.ts';
import { assertValidTargets, matchPolicy, type PolicySubject } from './sla-policy.rules.ts';

let nextId = 1;
const policy = (overrides: Partial<SlaPolicy>): SlaPolicy => ({
  id: nextId++, priority: 'normal', channel: null, teamId: null, customerType: null, businessHours: true, escalation: [],
  firstResponseSeconds: 3600, nextResponseSeconds: 3600, resolutionSeconds: 86_400, createdAt: '', updatedAt: '', ...overrides,
});
const subject: PolicySubject = { priority: 'normal', channel: 'whatsapp', teamId: 2, customerType: 'intermediary' };

describe('choosing the SLA policy of a ticket', () => {
  const general = policy({});
  const byType = policy({ customerType: 'intermediary' });
  const byChannel = policy({ channel: 'whatsapp' });
  const byTeam = policy({ teamId: 2 });
  const otherTeam = policy({ teamId: 3, channel: 'whatsapp', customerType: 'intermediary' });
  const urgent = policy({ priority: 'urgent', teamId: 2 });

  it.each<[string, SlaPolicy[], SlaPolicy | null]>([
    ['a team policy beats a channel policy', [general, byType, byChannel, byTeam], byTeam],
    ['a channel policy beats a customer-type policy', [general, byType, byChannel], byChannel],
    ['a customer-type policy beats the general one', [general, byType], byType],
    ['a policy naming another team never applies, however specific', [general, otherTeam], general],
    ['another priority never applies', [urgent], null],
  ])('%s', (_title, policies, expected) => {
    expect(matchPolicy(policies, subject)).toBe(expected);
  });

  it('of two equally specific policies the older one wins', () => {
    const older = policy({ channel: 'whatsapp' });
    const newer = policy({ channel: 'whatsapp' });
    expect(matchPolicy([newer, older], subject)).toBe(older);
  });
});

describe('validating SLA targets', () => {
  const codeOf = (targets: Parameters<typeof assertValidTargets>[0]) => {
    try {
      assertValidTargets(targets);
      return null;
    } catch (error) {
      return (error as AppError).code;
    }
  };
  it.each([
    ['positive targets are fine', 60, 60, 60, null],
    ['no clock (null) is fine', null, null, 3600, null],
    ['a target of 0 is refused', 0, 60, 60, 'sla.invalid_target'],
    ['a negative target is refused', 60, -5, 60, 'sla.invalid_target'],
    ['a fraction of a second is refused', 60, 60, 1.5, 'sla.invalid_target'],
  ])('%s', (_title, firstResponseSeconds, nextResponseSeconds, resolutionSeconds, code) => {
    expect(codeOf({ firstResponseSeconds, nextResponseSeconds, resolutionSeconds })).toBe(code);
  });
});
