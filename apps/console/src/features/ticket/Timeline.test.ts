import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { NoteDto, StageTransitionDto, TicketActivityDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import { message } from '../../test/fixtures.ts';
import Timeline from './Timeline.vue';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 6, 9, minute)).toISOString();
const note: NoteDto = { id: 4, ticketId: 1, authorUserId: 7, authorName: 'Dewi', body: 'Sudah cek gudang, stok kosong', stage: 2, createdAt: at(3) };
const back: StageTransitionDto = { id: 2, ticketId: 1, fromStage: 3, toStage: 2, direction: 'back', byUserId: 7, byName: 'Dewi', reason: 'Nomor pesanan salah', override: false, missing: [], dwellMs: 1, at: at(4) };
const raised: TicketActivityDto = { id: 9, ticketId: 1, actorUserId: null, at: at(2), kind: 'priority.raised', data: { from: 'normal', to: 'high', messageId: 1, anger: 80, urgency: 70, cues: ['parah (+18 anger)', 'parah (+6 urgency)', '!!! (+8 anger)'] } };

function render(language: 'id' | 'en') {
  return mount(Timeline, {
    props: { messages: [message(1, 1, { minute: 1 }), message(2, 1, { minute: 5, direction: 'out', authorKind: 'agent', status: 'sent' })], notes: [note], transitions: [back], activities: [raised] },
    global: { plugins: [createAppI18n(language)] },
  });
}

describe('internal notes and system rows on the timeline', () => {
  it('sets a note apart from messages, labelled as internal', () => {
    const wrapper = render('id');
    const shown = wrapper.get('[data-testid=timeline-note]');
    expect(shown.text()).toContain('Catatan internal');
    expect(shown.text()).toContain('Sudah cek gudang, stok kosong');
    expect(shown.find('[data-testid=message-body]').exists()).toBe(false);
    expect(shown.attributes('data-direction')).toBeUndefined();
  });

  it('shows stage changes with their reason and priority raises with their cues, in time order', () => {
    const wrapper = render('en');
    const rows = wrapper.findAll('li').map((li) => li.attributes('data-testid'));
    expect(rows).toEqual(['timeline-message', 'timeline-system', 'timeline-note', 'timeline-system', 'timeline-message']);
    const [priority, stage] = wrapper.findAll('[data-testid=timeline-system]');
    // Each word once, without core's scores.
    expect(priority!.text()).toContain('Priority raised to High by the customer’s tone (“parah”, “!!!”)');
    expect(stage!.text()).toContain('Dewi took the ticket back to stage 2 · Reason: Nomor pesanan salah');
  });
});
