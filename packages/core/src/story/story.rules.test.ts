import { describe, expect, it } from 'vitest';
import type { Message } from '../messages/message.types.ts';
import { lastSaidPerChannel } from './story.rules.ts';

let nextId = 1;
function message(over: Partial<Message>): Message {
  return { id: nextId++, direction: 'in', channel: 'whatsapp', body: 'Halo', attachments: [], placeholder: null, deletedAt: null, sentAt: '2026-11-30T08:00:00.000Z', ...over } as Message;
}

describe('the last thing the customer said on each channel', () => {
  it('keeps the newest customer message per channel, newest channel first, and ignores our replies', () => {
    const said = lastSaidPerChannel([
      message({ channel: 'webchat', body: 'Pesanan INV-1 belum sampai', sentAt: '2026-11-30T08:00:00.000Z' }),
      message({ channel: 'whatsapp', body: 'Ini saya yang tadi di web', sentAt: '2026-11-30T09:00:00.000Z' }),
      message({ channel: 'whatsapp', direction: 'out', body: 'Baik kak, kami cek', sentAt: '2026-11-30T09:05:00.000Z' }),
      message({ channel: 'webchat', body: 'Halo?', sentAt: '2026-11-30T08:30:00.000Z' }),
    ]);
    expect(said.map(({ channel, body }) => [channel, body])).toEqual([
      ['whatsapp', 'Ini saya yang tadi di web'],
      ['webchat', 'Halo?'],
    ]);
  });

  it('a late delivery of an older message does not become the last thing said', () => {
    const newer = message({ body: 'sudah sampai, terima kasih', sentAt: '2026-11-30T10:00:00.000Z' });
    const late = message({ body: 'kapan sampai?', sentAt: '2026-11-30T07:00:00.000Z' });
    expect(lastSaidPerChannel([newer, late])[0]?.body).toBe('sudah sampai, terima kasih');
  });

  it('a deleted message is not repeated, and a photo without text is named by its kind', () => {
    const said = lastSaidPerChannel([
      message({ body: '', attachments: [{ kind: 'image' } as Message['attachments'][number]], sentAt: '2026-11-30T08:00:00.000Z' }),
      message({ body: 'nomor saya 0812', deletedAt: '2026-11-30T09:01:00.000Z', sentAt: '2026-11-30T09:00:00.000Z' }),
    ]);
    expect(said).toEqual([{ channel: 'whatsapp', messageId: expect.any(Number), body: '[image]', sentAt: '2026-11-30T08:00:00.000Z' }]);
  });
});
