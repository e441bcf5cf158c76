import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './conversation.ts';
import { pendingReceipts, unreadCount } from './receipts.ts';

const agent = (id: number, status: ChatMessage['status'] = 'sent'): ChatMessage => ({
  key: `m${id}`,
  id,
  clientMessageId: null,
  direction: 'out',
  authorKind: 'agent',
  authorName: 'Rina',
  body: 'hi',
  attachments: [],
  status,
  sentAt: '2025-03-01T10:00:00.000Z',
  error: null,
});

describe('receipts and the unread badge', () => {
  it('reports seen agent messages as read and the rest as delivered, each only once', () => {
    const messages = [agent(1), agent(2), agent(3, 'read'), { ...agent(4), direction: 'in' as const }];
    expect(pendingReceipts(messages, new Set([1]), new Map())).toEqual({ delivered: [2], read: [1] });
    expect(pendingReceipts(messages, new Set([1]), new Map([[1, 'read'], [2, 'delivered']]))).toEqual({ delivered: [], read: [] });
    expect(pendingReceipts(messages, new Set([1, 2]), new Map([[1, 'read'], [2, 'delivered']]))).toEqual({ delivered: [], read: [2] });
  });

  it('counts agent messages not yet seen and not read elsewhere', () => {
    expect(unreadCount([agent(1), agent(2), agent(3, 'read')], new Set([1]))).toBe(1);
  });
});
