import type { ModerateTestimonialBody, ReviewDto } from '@keluh/contracts';
import { createHttp, type Http } from '../../api/http.ts';
import { useSessionStore } from '../auth/session.store.ts';

export type TestimonialTab = 'pending' | 'approved' | 'rejected';
export const testimonialTabs: readonly TestimonialTab[] = ['pending', 'approved', 'rejected'];
export type ExportFormat = 'json' | 'csv';

/** The export is a plain link: the browser downloads it with the session cookie and the server's filename. */
export const exportUrl = (format: ExportFormat) => `/api/testimonials/export?format=${format}`;

export function createTestimonialsApi(http: Http) {
  return {
    testimonials: (state: TestimonialTab) => http<{ items: ReviewDto[] }>('/api/testimonials', { query: { state, limit: 100 } }),
    moderate: (reviewId: number, body: ModerateTestimonialBody) =>
      http<ReviewDto>(`/api/testimonials/${reviewId}`, { method: 'PATCH', body }),
  };
}

export type TestimonialsApi = ReturnType<typeof createTestimonialsApi>;

export function useTestimonialsApi(): TestimonialsApi {
  const session = useSessionStore();
  return createTestimonialsApi(createHttp({ onUnauthorized: () => session.reset() }));
}
