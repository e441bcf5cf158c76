import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { ReportResultDto } from '@keluh/contracts';
import { createAppI18n } from '../../i18n/index.ts';
import ReportsPage from './ReportsPage.vue';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const firstResponse = (overrides: Partial<ReportResultDto> = {}): ReportResultDto => ({
  report: 'first_response', from: '2026-03-01', to: '2026-03-03', zone: 'Asia/Jakarta', teamId: null, groupBy: 'channel',
  timeBasis: 'wall', businessHoursRequested: false, columns: ['count', 'median', 'p90', 'average'],
  rows: [
    { day: '2026-03-01', group: 'whatsapp', values: { count: 2, median: 600, p90: 1800, average: 1200 } },
    { day: '2026-03-03', group: 'whatsapp', values: { count: 1, median: 120, p90: 120, average: 120 } },
    { day: '2026-03-03', group: 'instagram', values: { count: 1, median: 300, p90: 300, average: 300 } },
  ],
  totals: [
    { day: 'total', group: 'instagram', values: { count: 1, median: 300, p90: 300, average: 300 } },
    { day: 'total', group: 'whatsapp', values: { count: 3, median: 600, p90: 1800, average: 840 } },
  ],
  groupLabels: {}, teams: [{ id: 1, name: 'Umum' }], asOfEventId: 42, ...overrides,
});

// ECharts draws on a canvas happy-dom does not have: the stub keeps the option the page hands it.
const ChartStub = defineComponent({ name: 'EchartsStub', props: { option: { type: Object, required: true }, autoresize: Boolean }, setup: () => () => h('canvas') });

function setup(answer: (url: URL) => Response, locale: 'en' | 'id' = 'en') {
  const fetch = vi.fn(async (url: string) => answer(new URL(url, 'http://desk.test')));
  vi.stubGlobal('fetch', fetch);
  const pinia = createPinia();
  setActivePinia(pinia);
  const wrapper = mount(ReportsPage, { attachTo: document.body, global: { plugins: [pinia, createAppI18n(locale)], stubs: { Echarts: ChartStub } } });
  const option = () => wrapper.findComponent(ChartStub).props('option') as { xAxis: { data: string[] }; series: { name: string; type: string; data: (number | null)[] }[] };
  return { fetch, wrapper, option };
}

describe('the reports page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('charts the median first response per channel per day in minutes, with gaps on days without replies', async () => {
    const { fetch, option, wrapper } = setup(() => json(200, firstResponse()));
    await flushPromises();
    const asked = new URL(fetch.mock.calls[0]![0], 'http://desk.test');
    expect(asked.pathname).toBe('/api/reports/first_response');
    expect(asked.searchParams.get('groupBy')).toBe('channel');
    expect(option().xAxis.data).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(option().series).toEqual([
      expect.objectContaining({ name: 'Instagram', type: 'line', data: [null, null, 5] }),
      expect.objectContaining({ name: 'WhatsApp', type: 'line', data: [10, null, 2] }),
    ]);
    expect(wrapper.get('[data-testid=report-chart]').attributes('aria-label')).toBe('Chart of First response time');
  });

  it('lists the totals per group under the chart, durations in readable units', async () => {
    const { wrapper } = setup(() => json(200, firstResponse()));
    await flushPromises();
    const rows = wrapper.findAll('[data-testid=report-row]');
    expect(rows.map((row) => row.get('th').text())).toEqual(['Instagram', 'WhatsApp']);
    expect(rows[1]!.get('[data-column=count]').text()).toBe('3');
    expect(rows[1]!.get('[data-column=median]').text()).toBe('10 mins');
    expect(rows[1]!.get('[data-column=p90]').text()).toBe('30 mins');
  });

  it('volumes stack as bars, and the CSV link carries the same range and grouping', async () => {
    const volume = firstResponse({ report: 'volume', columns: ['tickets', 'inbound', 'outbound'], rows: [{ day: '2026-03-01', group: 'webchat', values: { tickets: 4, inbound: 9, outbound: 7 } }], totals: [{ day: 'total', group: 'webchat', values: { tickets: 4, inbound: 9, outbound: 7 } }] });
    const { option, wrapper } = setup(() => json(200, volume));
    await flushPromises();
    expect(option().series).toEqual([expect.objectContaining({ name: 'Web chat', type: 'bar', stack: 'total', data: [4, 0, 0] })]);
    const from = wrapper.get<HTMLInputElement>('[data-testid=report-from]').element.value;
    const href = new URL(wrapper.get('[data-testid=report-download]').attributes('href')!, 'http://desk.test');
    expect(href.pathname).toBe('/api/reports/first_response/export.csv');
    expect(href.searchParams.get('from')).toBe(from);
    expect(href.searchParams.get('groupBy')).toBe('channel');
  });

  it('business hours are asked of the server; only a report the server answered on the wall clock says so', async () => {
    const basisOf = (url: URL) => (url.searchParams.get('businessHours') === 'true' ? { businessHoursRequested: true, timeBasis: 'business' as const } : {});
    const { fetch, wrapper } = setup((url) => json(200, firstResponse(basisOf(url))));
    await flushPromises();
    await wrapper.get('[data-testid=report-business-hours]').setValue(true);
    await flushPromises();
    expect(new URL(fetch.mock.calls.at(-1)![0], 'http://desk.test').searchParams.get('businessHours')).toBe('true');
    expect(wrapper.find('[data-testid=report-wall-time]').exists()).toBe(false);
  });

  it('stage dwell with business hours asked for says its times are wall-clock time', async () => {
    const { wrapper } = setup(() => json(200, firstResponse({ businessHoursRequested: true, timeBasis: 'wall' })));
    await flushPromises();
    expect(wrapper.get('[data-testid=report-wall-time]').text()).toContain('wall-clock');
  });

  it('a range ending before it starts is explained in Bahasa Indonesia', async () => {
    const { wrapper } = setup((url) => (url.searchParams.get('to')! < url.searchParams.get('from')! ? json(400, { error: { code: 'report.invalid_range', message: 'no' } }) : json(200, firstResponse())), 'id');
    await flushPromises();
    await wrapper.get('[data-testid=report-to]').setValue('2020-01-01');
    await flushPromises();
    const alert = wrapper.get('[data-testid=report-error]');
    expect(alert.attributes('data-code')).toBe('report.invalid_range');
    expect(alert.text()).toContain('Rentang berakhir sebelum dimulai.');
    expect(wrapper.get('[data-testid=report-download]').text()).toBe('Unduh CSV');
  });
});
