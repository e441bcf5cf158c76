import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { TicketActivityDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import TimelineSystemRow from './TimelineSystemRow.vue';

const at = new Date(Date.UTC(2025, 0, 6, 9, 2)).toISOString();
const assigned = (reason: Record<string, unknown>): TicketActivityDto => ({ id: 3, ticketId: 1, actorUserId: null, at, kind: 'assigned', data: { assigneeId: 7, assigneeName: 'Sari', reason } });

const render = (activity: TicketActivityDto, language: 'id' | 'en') => mount(TimelineSystemRow, { props: { activity }, global: { plugins: [createAppI18n(language)] } });

describe('an automatic assignment on the timeline', () => {
  it('says to whom, by which rule and with what load, in Bahasa Indonesia and English', () => {
    const roundRobin = assigned({ rule: 'round_robin', openCount: 2, capacity: 5 });
    expect(render(roundRobin, 'id').text()).toContain('Ditugaskan ke Sari: round robin, 2 dari 5 terbuka');
    expect(render(roundRobin, 'en').text()).toContain('Assigned to Sari: round robin, 2 of 5 open');
    expect(render(roundRobin, 'en').attributes('data-kind')).toBe('assigned');
  });

  it('names the returning customer and balanced rules, and a reason without a load', () => {
    expect(render(assigned({ rule: 'returning_customer', previousTicketId: 4, openCount: 1, capacity: 3 }), 'id').text()).toContain('Ditugaskan ke Sari: pelanggan kembali, 1 dari 3 terbuka');
    expect(render(assigned({ rule: 'balanced', openCount: 3, capacity: 3 }), 'en').text()).toContain('Assigned to Sari: balanced, 3 of 3 open');
    expect(render(assigned({ rule: 'escalation', metric: 'first_response' }), 'en').text()).toContain('Assigned to Sari: escalation');
  });
});
