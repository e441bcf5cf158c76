import { describe, expect, it } from 'vitest';
import type { AgentEvent, ChannelViewDto } from '@keluh/contracts';
import { events, message, ticket } from '../../test/fixtures.ts';
import { applyEventToChannels } from './apply-event.ts';

const view = (kind: 'whatsapp' | 'instagram', updatedAt = '2025-01-06T09:00:00.000Z'): ChannelViewDto => ({
  kind,
  settings: {},
  status: 'active',
  statusReason: null,
  webhookUrl: `https://desk.example/webhooks/${kind}`,
  updatedAt,
});

const channelUpdated = (id: number, kind: 'whatsapp' | 'instagram', createdAt: string, status: 'active' | 'reconnect_needed' = 'reconnect_needed'): AgentEvent => ({
  id,
  type: 'channel.updated',
  ticketId: null,
  createdAt,
  payload: { kind, status, reason: status === 'active' ? null : 'Error validating access token' },
});

describe('channel health from live events', () => {
  it('marks the channel as needing a reconnect, with the reason', () => {
    const items = [view('instagram'), view('whatsapp')];
    const { items: next } = applyEventToChannels(items, channelUpdated(7, 'whatsapp', '2025-01-06T10:00:00.000Z'));
    expect(next[1]).toMatchObject({ status: 'reconnect_needed', statusReason: 'Error validating access token', updatedAt: '2025-01-06T10:00:00.000Z' });
    expect(next[0]).toBe(items[0]);
  });

  it('ignores a replayed event older than the state the list already shows (e.g. an admin saved since)', () => {
    const items = [view('whatsapp', '2025-01-06T11:00:00.000Z')];
    expect(applyEventToChannels(items, channelUpdated(7, 'whatsapp', '2025-01-06T10:00:00.000Z')).items).toBe(items);
  });

  it('leaves the list alone for other events and reports channels it does not know', () => {
    const items = [view('whatsapp')];
    expect(applyEventToChannels(items, events.messageCreated(8, message(1, 1), ticket(1))).items).toBe(items);
    expect(applyEventToChannels(items, channelUpdated(9, 'instagram', '2025-01-06T10:00:00.000Z'))).toEqual({ items, unknownKind: true });
  });
});
