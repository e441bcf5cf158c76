import { describe, expect, it } from 'vitest';
import { pickAgent, type PickInput } from './assignment.rules.ts';
import type { AssignmentCandidate } from './assignment.types.ts';

const agent = (userId: number, overrides: Partial<AssignmentCandidate> = {}): AssignmentCandidate => ({
  userId,
  name: `Agent ${userId}`,
  status: 'online',
  open: {},
  capacities: {},
  lastAssignedAt: null,
  ...overrides,
});

const input = (overrides: Partial<PickInput>): PickInput => ({ mode: 'round_robin', channel: 'whatsapp', teamDefaultCapacity: 5, candidates: [], previous: null, ...overrides });

describe('picking an agent for a ticket', () => {
  const cases: { title: string; input: PickInput; expected: number | null }[] = [
    {
      title: 'round robin gives the ticket to whoever was assigned longest ago',
      input: input({ candidates: [agent(1, { lastAssignedAt: '2026-03-02T09:00:00.000Z' }), agent(2, { lastAssignedAt: '2026-03-02T08:00:00.000Z' })] }),
      expected: 2,
    },
    {
      title: 'round robin puts an agent never assigned before first',
      input: input({ candidates: [agent(1, { lastAssignedAt: '2026-03-02T08:00:00.000Z' }), agent(2)] }),
      expected: 2,
    },
    {
      title: 'round robin skips an agent at capacity on the ticket’s channel',
      input: input({ candidates: [agent(1, { open: { whatsapp: 5 } }), agent(2, { lastAssignedAt: '2026-03-02T09:00:00.000Z' })] }),
      expected: 2,
    },
    {
      title: 'a capacity of the agent’s own beats the team default',
      input: input({ candidates: [agent(1, { open: { whatsapp: 2 }, capacities: { whatsapp: 2 } }), agent(2, { open: { whatsapp: 4 }, lastAssignedAt: '2026-03-02T09:00:00.000Z' })] }),
      expected: 2,
    },
    {
      title: 'load on another channel does not use up this channel’s capacity',
      input: input({ candidates: [agent(1, { open: { instagram: 5 } })] }),
      expected: 1,
    },
    {
      title: 'balanced gives the ticket to whoever has the fewest open',
      input: input({ mode: 'balanced', candidates: [agent(1, { open: { whatsapp: 3 } }), agent(2, { open: { whatsapp: 1 }, lastAssignedAt: '2026-03-02T09:00:00.000Z' })] }),
      expected: 2,
    },
    {
      title: 'balanced breaks a tie by who was assigned longest ago',
      input: input({
        mode: 'balanced',
        candidates: [agent(1, { open: { whatsapp: 1 }, lastAssignedAt: '2026-03-02T09:00:00.000Z' }), agent(2, { open: { whatsapp: 1 }, lastAssignedAt: '2026-03-02T08:00:00.000Z' })],
      }),
      expected: 2,
    },
    { title: 'an away agent is never assigned', input: input({ candidates: [agent(1, { status: 'away' })] }), expected: null },
    { title: 'an offline agent is never assigned', input: input({ mode: 'balanced', candidates: [agent(1, { status: 'offline' })] }), expected: null },
    { title: 'nobody is assigned when every online agent is full', input: input({ candidates: [agent(1, { open: { whatsapp: 5 } })] }), expected: null },
    { title: 'a manual team is never assigned automatically', input: input({ mode: 'manual', candidates: [agent(1)] }), expected: null },
    {
      title: 'a returning customer goes back to their previous agent while online with room',
      input: input({ candidates: [agent(1), agent(2, { lastAssignedAt: '2026-03-02T09:00:00.000Z' })], previous: { userId: 2, ticketId: 9 } }),
      expected: 2,
    },
    {
      title: 'a returning customer whose previous agent is away goes to the rotation',
      input: input({ candidates: [agent(1), agent(2, { status: 'away' })], previous: { userId: 2, ticketId: 9 } }),
      expected: 1,
    },
    {
      title: 'a returning customer whose previous agent is full goes to the rotation',
      input: input({ candidates: [agent(1, { lastAssignedAt: '2026-03-02T09:00:00.000Z' }), agent(2, { open: { whatsapp: 5 } })], previous: { userId: 2, ticketId: 9 } }),
      expected: 1,
    },
  ];
  it.each(cases)('$title', ({ input: given, expected }) => {
    expect(pickAgent(given)?.userId ?? null).toBe(expected);
  });

  it('records the rule and the agent’s load after the ticket, against their capacity', () => {
    expect(pickAgent(input({ candidates: [agent(1, { open: { whatsapp: 1 } })] }))?.reason).toEqual({ rule: 'round_robin', openCount: 2, capacity: 5 });
    expect(pickAgent(input({ mode: 'balanced', candidates: [agent(1, { capacities: { whatsapp: 3 } })] }))?.reason).toEqual({ rule: 'balanced', openCount: 1, capacity: 3 });
    expect(pickAgent(input({ candidates: [agent(4)], previous: { userId: 4, ticketId: 7 } }))?.reason).toEqual({ rule: 'returning_customer', previousTicketId: 7, openCount: 1, capacity: 5 });
  });
});
