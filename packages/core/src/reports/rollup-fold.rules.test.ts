import { describe, expect, it } from 'vitest';
import { byGrouping, combineDeltas, dayStartOf, hourOf, rollupKey, type Contribution } from './rollup-fold.rules.ts';
import { isHumanReply } from '../sla/sla-inputs.ts';

const contribution: Contribution = { hour: '2026-03-02T08:00:00.000Z', metric: 'first_response', teamId: 2, channel: 'whatsapp', agentId: 7, customerType: 'intermediary', characteristic: 'loyal', count: 1, sum: 600, histogram: { '12': 1 } };

describe('folding events into rollup rows', () => {
  it('an event falls in the UTC hour it happened in', () => {
    expect(hourOf('2026-03-02T08:59:59.999Z')).toBe('2026-03-02T08:00:00.000Z');
  });

  it('only a person replying stops a response clock: not the system, not an automated send', () => {
    expect(isHumanReply({ direction: 'out', authorKind: 'agent', automated: false, status: 'sent' })).toBe(true);
    expect(isHumanReply({ direction: 'out', authorKind: 'agent', automated: true, status: 'sent' })).toBe(false);
    expect(isHumanReply({ direction: 'out', authorKind: 'system', automated: true, status: 'sent' })).toBe(false);
    expect(isHumanReply({ direction: 'in', authorKind: 'customer', automated: false, status: 'received' })).toBe(false);
  });

  it('a contribution is filed once per grouping, keeping the team and that grouping’s own dimension', () => {
    const rows = byGrouping(contribution).filter((row) => row.span === 'hour');
    expect(rows.map((row) => [row.grouping, row.teamId, row.channel, row.agentId, row.customerType, row.characteristic])).toEqual([
      ['channel', 2, 'whatsapp', null, null, null],
      ['agent', 2, null, 7, null, null],
      ['team', 2, null, null, null, null],
      ['customer_type', 2, null, null, 'intermediary', null],
      ['characteristic', 2, null, null, null, 'loyal'],
    ]);
    expect(new Set(rows.map(rollupKey)).size).toBe(5);
  });

  it('08:00 UTC also counts towards the WIB, WITA and WIT day it falls in, each a row starting at that local midnight', () => {
    const days = byGrouping(contribution).filter((row) => row.span === 'day' && row.grouping === 'team');
    expect(days.map((row) => row.hour)).toEqual(['2026-03-01T17:00:00.000Z', '2026-03-01T16:00:00.000Z', '2026-03-01T15:00:00.000Z']);
    // 16:30 UTC is already the next day in Jayapura (UTC+9) but not yet in Jakarta (UTC+7).
    expect(dayStartOf('2026-03-02T16:00:00.000Z', 7)).toBe('2026-03-01T17:00:00.000Z');
    expect(dayStartOf('2026-03-02T16:00:00.000Z', 9)).toBe('2026-03-02T15:00:00.000Z');
  });

  it('two replies of different agents in one hour share the channel row and keep agent rows apart', () => {
    const rows = combineDeltas([contribution, { ...contribution, agentId: 8, sum: 120, histogram: { '6': 1 } }]).filter((row) => row.span === 'hour');
    const channel = rows.find((row) => row.grouping === 'channel')!;
    expect(channel).toMatchObject({ count: 2, sum: 720, histogram: { '12': 1, '6': 1 } });
    expect(rows.filter((row) => row.grouping === 'agent').map((row) => [row.agentId, row.count])).toEqual([
      [7, 1],
      [8, 1],
    ]);
  });
});
