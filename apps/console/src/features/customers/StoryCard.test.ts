import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { TicketStoryDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import StoryCard from './StoryCard.vue';

const story: TicketStoryDto = {
  ticketId: 12,
  stage: 2,
  stageKey: 'details',
  complaint: true,
  category: { key: 'delivery', label: { id: 'Pengiriman', en: 'Delivery' } },
  facts: [{ key: 'order_number', label: { id: 'Nomor pesanan', en: 'Order number' }, value: 'INV-20931', source: 'detected' }],
  missing: [{ key: 'tracking_number', label: { id: 'Nomor resi', en: 'Tracking number' } }],
  rootCause: null,
  solution: null,
  promises: [
    { id: 2, text: 'Kurir dihubungi besok pagi', dueAt: '2026-12-02T02:00:00.000Z', state: 'open', ownerName: 'Dewi', settledAt: null },
    { id: 1, text: 'Cek stok gudang', dueAt: '2026-11-30T02:00:00.000Z', state: 'broken', ownerName: 'Dewi', settledAt: '2026-11-30T03:00:00.000Z' },
  ],
  lastSaid: [
    { channel: 'whatsapp', messageId: 9, body: 'Ini saya yang tadi di web', sentAt: '2026-12-01T09:00:00.000Z' },
    { channel: 'webchat', messageId: 3, body: 'Pesanan INV-20931 belum sampai', sentAt: '2026-12-01T08:00:00.000Z' },
  ],
  previousTicketId: 7,
};

const render = (locale: 'en' | 'id', value: TicketStoryDto | null = story, failed = false) =>
  mount(StoryCard, { props: { story: value, failed }, global: { plugins: [createAppI18n(locale)] } });

describe('the story-so-far card', () => {
  it('tells the stage, the facts gathered and missing, every promise with its state, and the last words per channel', () => {
    const card = render('en');
    expect(card.get('[data-testid=story-stage]').text()).toBe('Stage 2 · Gather details');
    expect(card.text().replace(/\s+/g, ' ')).toContain('Delivery · Follows ticket #7');
    expect(card.get('[data-testid=story-facts]').text()).toBe('Order numberINV-20931');
    expect(card.get('[data-testid=story-missing]').text()).toBe('Still missing: Tracking number');
    const promises = card.findAll('[data-testid=story-promises] li').map((li) => li.text());
    expect(promises[0]).toMatch(/^Open Kurir dihubungi besok pagi · due /);
    expect(promises[1]).toMatch(/^Broken Cek stok gudang/);
    const said = card.findAll('[data-testid=story-last-said] li');
    expect(said.map((li) => li.attributes('data-channel'))).toEqual(['whatsapp', 'webchat']);
    expect(said[0]!.text()).toContain('“Ini saya yang tadi di web”');
  });

  it('says the same in Bahasa Indonesia', () => {
    const card = render('id');
    expect(card.get('[data-testid=story-stage]').text()).toBe('Tahap 2 · Gali detail');
    expect(card.get('[data-testid=story-missing]').text()).toBe('Masih kurang: Nomor resi');
    expect(card.get('[data-testid=story-promises]').text()).toContain('Diingkari');
    expect(card.text()).toContain('Ucapan terakhir, per kanal');
  });

  it('shows a ticket with nothing gathered yet as such, and a failed load as a failure', () => {
    const empty = render('en', { ...story, category: null, facts: [], missing: [], promises: [], lastSaid: [], previousTicketId: null });
    expect(empty.text()).toContain('No category yet');
    expect(empty.text()).toContain('No facts confirmed yet.');
    expect(empty.text()).toContain('No promise made yet.');
    expect(empty.text()).toContain('The customer has not written yet.');
    expect(render('en', null, true).text()).toContain('The story could not be loaded.');
  });
});
