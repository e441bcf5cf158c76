import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, h, type Component } from 'vue';
import type { ChatMessage } from '../conversation.ts';
import { provideI18n, type Lang } from '../i18n.ts';
import MessageBubble from './MessageBubble.vue';
import ThrottleNotice from './ThrottleNotice.vue';

const inLanguage = (lang: Lang, component: Component, props: Record<string, unknown>) =>
  mount(
    defineComponent({
      setup() {
        provideI18n(lang);
        return () => h(component, props);
      },
    }),
  );

const waiting: ChatMessage = {
  key: 'c1',
  id: null,
  clientMessageId: 'abc12345',
  direction: 'in',
  authorKind: 'customer',
  authorName: null,
  body: 'Halo?',
  attachments: [],
  status: 'waiting',
  sentAt: '2026-03-02T08:00:00.000Z',
  error: null,
};

describe('telling the visitor to slow down', () => {
  it('counts down the wait in both languages', async () => {
    vi.useFakeTimers();
    try {
      let now = 1_000_000;
      const until = now + 8_200;
      const id = inLanguage('id', ThrottleNotice, { until, now: () => now });
      const en = inLanguage('en', ThrottleNotice, { until, now: () => now });
      expect(id.text()).toBe('Anda mengirim terlalu cepat. Pesan akan terkirim otomatis dalam 9 detik.');
      expect(en.text()).toBe('You are sending too fast. Your message will go out by itself in 9 s.');
      now += 5_000;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(id.get('[data-testid=widget-throttled]').attributes('data-seconds')).toBe('4');
      expect(en.text()).toContain('in 4 s');
      expect(id.find('[role=status]').exists()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks a held message as waiting, not failed, with no retry button', () => {
    for (const [lang, label] of [['id', 'Menunggu giliran…'], ['en', 'Waiting…']] as const) {
      const bubble = inLanguage(lang, MessageBubble, { message: waiting, showAuthor: false, showStatusLabel: false });
      expect(bubble.get('[data-testid=widget-message]').attributes('data-status')).toBe('waiting');
      expect(bubble.text()).toContain(label);
      expect(bubble.find('[data-testid=widget-retry]').exists()).toBe(false);
    }
  });

  it('explains a refusal for characters that cannot be sent', () => {
    const refused: ChatMessage = { ...waiting, status: 'error', error: { code: 'text.invalid_characters', message: 'x' } };
    const bubble = inLanguage('id', MessageBubble, { message: refused, showAuthor: false, showStatusLabel: true });
    expect(bubble.text()).toContain('karakter yang tidak bisa dikirim');
    expect(bubble.find('[data-testid=widget-retry]').exists()).toBe(true);
  });
});
