import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError } from '../../api/http.ts';
import { createAppI18n } from '../../i18n/index.ts';
import { message, ticket } from '../../test/fixtures.ts';
import { promise, review, workflowSnapshot } from '../../test/workflow.fixtures.ts';
import { useTicketDetailStore } from '../ticket/ticket-detail.store.ts';
import { useCasesStore } from './cases.store.ts';
import ReviewPanel from './ReviewPanel.vue';
import SolutionPanel from './SolutionPanel.vue';
import { useWorkflowStore } from './workflow.store.ts';
import type { WorkflowSnapshotDto } from './core-types.ts';

const NOW = Date.UTC(2025, 0, 6, 10, 0);

function setup(component: typeof SolutionPanel | typeof ReviewPanel, snapshot: WorkflowSnapshotDto) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useTicketDetailStore().detail = {
    ticket: ticket(1), customer: {} as never, identities: [], notes: [], transitions: [], activities: [], lastEventId: 1, window: { channel: 'whatsapp', state: 'open', closesAt: null },
    messages: [message(1, 1, { minute: 40 })],
  } as never;
  const workflow = useWorkflowStore();
  workflow.ticketId = 1;
  workflow.snapshot = snapshot;
  const cases = useCasesStore();
  cases.hydrateSuggestion = vi.fn(async () => {
    cases.suggestion = { basedOn: 7, source: 'similar', medianMs: 3 * 3_600_000, p80Ms: 5 * 3_600_000, suggestedDueAt: new Date(NOW + 5 * 3_600_000).toISOString() };
  });
  const makePromise = vi.fn(async () => promise(1, 1));
  workflow.makePromise = makePromise;
  const requestReview = vi.fn(async () => review(1, 1));
  workflow.requestReview = requestReview;
  const wrapper = mount(component, { global: { plugins: [pinia, createAppI18n('en')] } });
  return { wrapper, makePromise, requestReview };
}

describe('offering a solution with a realistic promise', () => {
  afterEach(() => vi.useRealTimers());

  it('saving the solution also promises it by the suggested time while no promise is open', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { wrapper, makePromise } = setup(SolutionPanel, workflowSnapshot(1, { stage: 4 }));
    const update = vi.fn(async () => workflowSnapshot(1, { stage: 4 }));
    useWorkflowStore().update = update;
    await flushPromises();
    await wrapper.get('[data-testid=solution-text]').setValue('Kami kirim ulang dengan ekspres hari ini');
    expect(wrapper.get('[data-testid=solution-save]').text()).toBe('Save and promise it');
    expect(wrapper.get('[data-testid=solution-offer-hint]').text()).toContain('Also promises the solution by');
    await wrapper.get('[data-testid=solution-text]').trigger('keydown', { key: 'Enter', ctrlKey: true });
    await flushPromises();
    expect(update).toHaveBeenCalledWith({ solution: 'Kami kirim ulang dengan ekspres hari ini' });
    expect(makePromise).toHaveBeenCalledWith({ text: 'Kami kirim ulang dengan ekspres hari ini', dueAt: new Date(NOW + 5 * 3_600_000).toISOString() });
  });

  it('suggests the due time from how long similar cases took, and makes the promise', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { wrapper, makePromise } = setup(SolutionPanel, workflowSnapshot(1, { stage: 4 }));
    await flushPromises();
    expect(wrapper.get('[data-testid=promise-basis]').text()).toBe('Similar cases took 3h (median); 80 % within 5h.');
    const due = wrapper.get('[data-testid=promise-due]').element as HTMLInputElement;
    expect(new Date(due.value).getTime()).toBe(NOW + 5 * 3_600_000);
    await wrapper.get('[data-testid=promise-text]').setValue('Kurir mengirim ulang paket');
    await wrapper.get('[data-testid=promise-form]').trigger('submit');
    expect(makePromise).toHaveBeenCalledWith({ text: 'Kurir mengirim ulang paket', dueAt: new Date(NOW + 5 * 3_600_000).toISOString() });
  });

  it('shows a refused promise’s coded error translated', async () => {
    const { wrapper, makePromise } = setup(SolutionPanel, workflowSnapshot(1, { stage: 4 }));
    makePromise.mockRejectedValueOnce(new ApiError('promise.due_in_past', 400));
    await flushPromises();
    await wrapper.get('[data-testid=promise-text]').setValue('Besok pagi');
    await wrapper.get('[data-testid=promise-form]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid=promise-error]').text()).toBe('The due time lies in the past: choose a later one.');
  });

  it('shows an open promise past its due time as overdue, and how long the customer has waited', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const { wrapper } = setup(SolutionPanel, workflowSnapshot(1, { stage: 4, promise: promise(2, 1) }));
    expect(wrapper.get('[data-testid=promise-card]').text()).toContain('Overdue');
    expect(wrapper.find('[data-testid=promise-form]').exists()).toBe(false);
    expect(wrapper.get('[data-testid=reply-timer]').text()).toBe('Customer waiting 20m');
  });
});

describe('requesting a review', () => {
  it('requests one when none is open', async () => {
    const { wrapper, requestReview } = setup(ReviewPanel, workflowSnapshot(1, { stage: 5 }));
    expect(wrapper.text()).toContain('No review requested yet.');
    await wrapper.get('[data-testid=review-request]').trigger('click');
    expect(requestReview).toHaveBeenCalledOnce();
  });

  it('shows the score, the consent and the testimonial’s state, and offers no second request while one is open', () => {
    const rated = review(3, 1, { state: 'rated', score: 5, consent: true, comment: 'Cepat sekali', testimonial: { state: 'pending', text: null, displayName: 'Rina W.', moderatedBy: null, moderatedAt: null } });
    const { wrapper } = setup(ReviewPanel, workflowSnapshot(1, { stage: 5, review: rated }));
    expect(wrapper.get('[data-testid=review-score]').text()).toBe('Rated 5 of 5');
    expect(wrapper.get('[data-testid=review-state]').text()).toContain('Consents to publish · Waiting for approval');
    expect(wrapper.find('[data-testid=review-request]').exists()).toBe(false);
  });
});
