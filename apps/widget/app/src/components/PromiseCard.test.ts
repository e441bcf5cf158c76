import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import type { VisitorPromiseDto } from '@keluh/contracts';
import { provideI18n, type Lang } from '../i18n.ts';
import { absoluteDue, relativeDue } from '../promise-time.ts';
import PromiseCard from './PromiseCard.vue';

const now = new Date('2026-12-01T10:00:00.000Z');
const promise = (over: Partial<VisitorPromiseDto> = {}): VisitorPromiseDto => ({ id: 5, ticketId: 1, text: 'Barang pengganti kami kirim hari ini', dueAt: '2026-12-01T12:00:00.000Z', state: 'open', ...over });

function card(lang: Lang, value: VisitorPromiseDto) {
  const Host = defineComponent({
    setup() {
      provideI18n(lang);
      return () => h(PromiseCard, { promise: value, now });
    },
  });
  return mount(Host);
}

describe('when a promise is due, in the visitor’s words', () => {
  it('says how far away it is in Indonesian and in English, ahead and overdue', () => {
    expect(relativeDue('2026-12-01T12:00:00.000Z', now, 'id')).toBe('dalam 2 jam');
    expect(relativeDue('2026-12-01T12:00:00.000Z', now, 'en')).toBe('in 2 hours');
    expect(relativeDue('2026-12-01T09:30:00.000Z', now, 'en')).toBe('30 minutes ago');
    expect(relativeDue('2026-12-04T10:00:00.000Z', now, 'id')).toBe('dalam 3 hari');
  });

  it('names the date and time in the visitor’s language and zone', () => {
    expect(absoluteDue('2026-12-01T12:00:00.000Z', 'en', 'Asia/Jakarta')).toBe('1 Dec 2026, 19:00');
    expect(absoluteDue('2026-12-01T12:00:00.000Z', 'id', 'Asia/Jakarta')).toBe('1 Des 2026, 19.00');
  });
});

describe('the promise card', () => {
  it('shows what we promised, by when, and that we are working on it', () => {
    const wrapper = card('id', promise());
    expect(wrapper.get('.card__text').text()).toBe('Barang pengganti kami kirim hari ini');
    expect(wrapper.get('[data-testid=promise-state]').text()).toBe('Sedang kami kerjakan');
    const due = wrapper.get('time');
    expect(due.attributes('datetime')).toBe('2026-12-01T12:00:00.000Z');
    expect(due.text()).toBe(`Paling lambat ${absoluteDue('2026-12-01T12:00:00.000Z', 'id')} (dalam 2 jam)`);
  });

  it.each([
    ['kept', 'en', 'Kept'],
    ['broken', 'en', 'Not kept'],
    ['broken', 'id', 'Tidak ditepati'],
    ['cancelled', 'id', 'Dibatalkan'],
  ] as const)('shows a %s promise to a visitor reading %s as "%s"', (state, lang, label) => {
    const wrapper = card(lang, promise({ state }));
    expect(wrapper.get('[data-testid=promise-card]').attributes('data-state')).toBe(state);
    expect(wrapper.get('[data-testid=promise-state]').text()).toBe(label);
  });

  // happy-dom does no layout, so the rule that does the wrapping is checked where it is written.
  it('keeps a long unbroken word or URL inside the card: the card wraps anywhere', () => {
    const long = `Lacak di https://kurir.example/lacak/${'A'.repeat(300)}`;
    const wrapper = card('en', promise({ text: long }));
    expect(wrapper.get('.card__text').text()).toBe(long);
    const css = readFileSync(resolve(import.meta.dirname, '../styles.css'), 'utf8');
    expect(css).toMatch(/\.card \{[^}]*overflow-wrap: anywhere;/);
  });
});
