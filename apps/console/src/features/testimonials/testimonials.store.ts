import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import type { AgentEvent, ModerateTestimonialBody, ReviewDto } from '@keluh/contracts';
import { useLiveEvents } from '../../realtime/use-live-events.ts';
import { useTestimonialsApi, type TestimonialTab } from './testimonials.api.ts';

/**
 * The testimonials of one moderation state, newest first. A `review.updated` event (a customer consenting,
 * another supervisor approving) loads the shown tab again: the list is small and the server decides
 * which reviews are testimonials, so nothing is re-derived here.
 */
export const useTestimonialsStore = defineStore('testimonials', () => {
  const api = useTestimonialsApi();
  const tab = ref<TestimonialTab>('pending');
  const items = shallowRef<ReviewDto[]>([]);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  let request = 0;
  let active = false;

  async function load(next: TestimonialTab = tab.value): Promise<void> {
    active = true;
    if (next !== tab.value) {
      tab.value = next;
      loaded.value = false;
      items.value = [];
    }
    const mine = ++request;
    try {
      const result = await api.testimonials(next);
      if (mine !== request) return;
      items.value = result.items;
      loaded.value = true;
      error.value = null;
    } catch (cause) {
      if (mine === request) error.value = cause;
    }
  }

  async function moderate(reviewId: number, body: ModerateTestimonialBody): Promise<ReviewDto> {
    const review = await api.moderate(reviewId, body);
    items.value = review.testimonial.state === tab.value
      ? items.value.map((item) => (item.id === review.id ? review : item))
      : items.value.filter((item) => item.id !== review.id);
    return review;
  }

  function applyEvents(events: readonly AgentEvent[]): void {
    if (active && events.some((event) => event.type === 'review.updated')) void load();
  }

  useLiveEvents({ applyEvents, reload: () => void (active && load()) });

  /** Leaving the page: stop following events until it is opened again. */
  function leave(): void {
    active = false;
  }

  return { tab, items, loaded, error, load, moderate, leave };
});
