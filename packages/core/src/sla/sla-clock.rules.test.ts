import { describe, expect, it } from 'vitest';
import { defaultWindows, type BusinessCalendar } from './calendar.types.ts';
import { computeSlaClocks, type SlaMessageFact, type SlaSetup, type SlaTicketFacts } from './sla-clock.rules.ts';
import type { SlaClock, SlaMetric } from './sla.types.ts';
import { indonesiaHolidays2026 } from './holidays.id-2026.ts';
import { slaLight } from './sla-light.rules.ts';

const HOUR = 3600;
const wib: BusinessCalendar = { timeZone: 'Asia/Jakarta', windows: [...defaultWindows], holidays: [...indonesiaHolidays2026] };
const setup = (overrides: Partial<SlaSetup> = {}): SlaSetup => ({
  policyId: 1, businessHours: true, calendar: wib, targets: { firstResponseSeconds: HOUR, nextResponseSeconds: 2 * HOUR, resolutionSeconds: 8 * HOUR }, ...overrides,
});
/** Local WIB wall time on a date, as an instant. */
const wibAt = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).toISOString();
const customer = (at: string): SlaMessageFact => ({ direction: 'in', human: true, at });
const human = (at: string): SlaMessageFact => ({ direction: 'out', human: true, at });
const bot = (at: string): SlaMessageFact => ({ direction: 'out', human: false, at });
const facts = (messages: SlaMessageFact[], overrides: Partial<SlaTicketFacts> = {}): SlaTicketFacts => ({
  ticketId: 7, status: 'open', createdAt: messages[0]?.at ?? wibAt('2026-03-02', '09:00'), resolvedAt: null, messages, ...overrides,
});
const clock = (clocks: SlaClock[], metric: SlaMetric) => clocks.find((candidate) => candidate.metric === metric);

describe('SLA clocks from a ticket’s messages and status', () => {
  const monday = '2026-03-02';

  it('a message at 16:30 on Monday is due at 08:30 on Tuesday, warned at 80 % of the hour', () => {
    const clocks = computeSlaClocks(facts([customer(wibAt(monday, '16:30'))]), setup(), [], wibAt(monday, '16:30'));
    expect(clock(clocks, 'first_response')).toMatchObject({ state: 'running', startedAt: wibAt(monday, '16:30'), dueAt: wibAt('2026-03-03', '08:30'), warnAt: wibAt('2026-03-03', '08:18'), targetSeconds: HOUR });
    expect(clock(clocks, 'next_response')).toBeUndefined();
  });

  it('a bot reply does not stop the first-response clock, a human reply does', () => {
    const asked = customer(wibAt(monday, '09:00'));
    const afterBot = computeSlaClocks(facts([asked, bot(wibAt(monday, '09:01'))]), setup(), [], wibAt(monday, '09:01'));
    expect(clock(afterBot, 'first_response')).toMatchObject({ state: 'running', stoppedAt: null });
    const answered = computeSlaClocks(facts([asked, bot(wibAt(monday, '09:01')), human(wibAt(monday, '09:40'))]), setup(), afterBot, wibAt(monday, '09:40'));
    expect(clock(answered, 'first_response')).toMatchObject({ state: 'met', stoppedAt: wibAt(monday, '09:40'), remainingSeconds: 20 * 60 });
  });

  it('a human reply after the due time leaves the clock breached', () => {
    const clocks = computeSlaClocks(facts([customer(wibAt(monday, '09:00')), human(wibAt(monday, '10:30'))]), setup(), [], wibAt(monday, '10:30'));
    expect(clock(clocks, 'first_response')).toMatchObject({ state: 'breached', remainingSeconds: -30 * 60 });
  });

  it('next response starts at the first customer message after the last human reply and stops at the next human one', () => {
    const messages = [customer(wibAt(monday, '09:00')), human(wibAt(monday, '09:10')), customer(wibAt(monday, '10:00')), customer(wibAt(monday, '10:05')), bot(wibAt(monday, '10:06'))];
    const waiting = computeSlaClocks(facts(messages), setup(), [], wibAt(monday, '10:06'));
    expect(clock(waiting, 'next_response')).toMatchObject({ state: 'running', startedAt: wibAt(monday, '10:00'), dueAt: wibAt(monday, '12:00') });
    const answered = computeSlaClocks(facts([...messages, human(wibAt(monday, '11:00'))]), setup(), waiting, wibAt(monday, '11:00'));
    expect(clock(answered, 'next_response')).toMatchObject({ state: 'met', startedAt: wibAt(monday, '10:00'), remainingSeconds: HOUR });
  });

  it('a pending pause over a night keeps the time left and resumes it the next morning', () => {
    const messages = [customer(wibAt(monday, '09:00')), human(wibAt(monday, '09:05')), customer(wibAt(monday, '12:00'))];
    const open = computeSlaClocks(facts(messages), setup(), [], wibAt(monday, '12:00'));
    const pending = computeSlaClocks(facts(messages, { status: 'pending' }), setup(), open, wibAt(monday, '13:00'));
    expect(clock(pending, 'resolution')).toMatchObject({ state: 'paused', dueAt: null, warnAt: null, remainingSeconds: 4 * HOUR });
    expect(clock(pending, 'next_response')).toMatchObject({ state: 'paused', remainingSeconds: HOUR });
    // Waiting on the customer never holds the first response (already met here) — it is not touched.
    expect(clock(pending, 'first_response')).toBe(clock(open, 'first_response'));
    const resumed = computeSlaClocks(facts(messages), setup(), pending, wibAt('2026-03-03', '10:00'));
    expect(clock(resumed, 'resolution')).toMatchObject({ state: 'running', dueAt: wibAt('2026-03-03', '14:00'), warnAt: wibAt('2026-03-03', '12:24'), remainingSeconds: null });
    expect(clock(resumed, 'next_response')).toMatchObject({ state: 'running', dueAt: wibAt('2026-03-03', '11:00') });
  });

  it('pending does not pause the first response', () => {
    const clocks = computeSlaClocks(facts([customer(wibAt(monday, '09:00'))], { status: 'pending' }), setup(), [], wibAt(monday, '09:30'));
    expect(clock(clocks, 'first_response')).toMatchObject({ state: 'running', dueAt: wibAt(monday, '10:00') });
  });

  it('resolving meets the resolution clock; closing unanswered cancels the first response', () => {
    const clocks = computeSlaClocks(facts([customer(wibAt(monday, '09:00'))], { status: 'closed', resolvedAt: wibAt(monday, '09:20') }), setup(), [], wibAt(monday, '09:20'));
    expect(clock(clocks, 'resolution')).toMatchObject({ state: 'met', stoppedAt: wibAt(monday, '09:20'), remainingSeconds: 8 * HOUR - 20 * 60 });
    expect(clock(clocks, 'first_response')).toMatchObject({ state: 'cancelled', stoppedAt: wibAt(monday, '09:20') });
  });

  it('a ticket reopened after being resolved carries on with the resolution time it had left', () => {
    const messages = [customer(wibAt(monday, '09:00')), human(wibAt(monday, '09:05'))];
    const resolved = computeSlaClocks(facts(messages, { status: 'resolved', resolvedAt: wibAt(monday, '10:00') }), setup(), [], wibAt(monday, '10:00'));
    const reopened = computeSlaClocks(facts([...messages, customer(wibAt(monday, '15:00'))]), setup(), resolved, wibAt(monday, '15:00'));
    // One hour used before resolving: 15:00–17:00 on Monday and 08:00–13:00 on Tuesday are the seven left.
    expect(clock(reopened, 'resolution')).toMatchObject({ state: 'running', stoppedAt: null, dueAt: wibAt('2026-03-03', '13:00') });
  });

  it('a higher priority’s shorter target keeps the time already used', () => {
    const asked = [customer(wibAt(monday, '09:00'))];
    const before = computeSlaClocks(facts(asked), setup(), [], wibAt(monday, '09:00'));
    const urgent = setup({ policyId: 2, targets: { firstResponseSeconds: 30 * 60, nextResponseSeconds: null, resolutionSeconds: 4 * HOUR } });
    const after = computeSlaClocks(facts(asked), urgent, before, wibAt(monday, '09:20'));
    expect(clock(after, 'first_response')).toMatchObject({ policyId: 2, targetSeconds: 30 * 60, dueAt: wibAt(monday, '09:30'), warnAt: wibAt(monday, '09:24') });
  });

  it('moving to a WIT team keeps the business time used and lays the rest on the new team’s hours', () => {
    const asked = facts([customer(wibAt(monday, '09:00'))]);
    const before = computeSlaClocks(asked, setup(), [], wibAt(monday, '09:00'));
    const wit: BusinessCalendar = { ...wib, timeZone: 'Asia/Jayapura' };
    // 09:40 WIB is 11:40 WIT: 40 minutes used, 20 left, due at 12:00 WIT (10:00 WIB).
    const after = computeSlaClocks(asked, setup({ calendar: wit, previousCalendar: wib }), before, wibAt(monday, '09:40'));
    expect(clock(after, 'first_response')?.dueAt).toBe(wibAt(monday, '10:00'));
    // Moved at 14:40 WIB (16:40 WIT) with 50 minutes left: 20 before the WIT team closes, 30 on Tuesday morning.
    const late = computeSlaClocks(facts([customer(wibAt(monday, '14:30'))]), setup(), [], wibAt(monday, '14:30'));
    const moved = computeSlaClocks(facts([customer(wibAt(monday, '14:30'))]), setup({ calendar: wit, previousCalendar: wib }), late, wibAt(monday, '14:40'));
    expect(clock(moved, 'first_response')?.dueAt).toBe(new Date('2026-03-03T08:30:00+09:00').toISOString());
  });

  it('on calendar time, a message on Saturday night is due the same night', () => {
    const at = wibAt('2026-03-07', '22:00');
    const clocks = computeSlaClocks(facts([customer(at)]), setup({ businessHours: false }), [], at);
    expect(clock(clocks, 'first_response')).toMatchObject({ businessHours: false, dueAt: wibAt('2026-03-07', '23:00') });
  });

  it('a message on the Christmas cuti bersama waits for Monday after the holiday and the weekend', () => {
    const at = wibAt('2026-12-24', '10:00');
    expect(clock(computeSlaClocks(facts([customer(at)]), setup(), [], at), 'first_response')?.dueAt).toBe(wibAt('2026-12-28', '09:00'));
  });

  it('an overnight shift team answers a 23:00 message by 00:00', () => {
    const night: BusinessCalendar = { timeZone: 'Asia/Jakarta', windows: [{ weekday: 1, start: '20:00', end: '04:00', overnight: true }], holidays: [] };
    const at = wibAt(monday, '23:00');
    expect(clock(computeSlaClocks(facts([customer(at)]), setup({ calendar: night }), [], at), 'first_response')?.dueAt).toBe(wibAt('2026-03-03', '00:00'));
  });

  it('a recompute that changes nothing returns the clocks as they were', () => {
    const asked = facts([customer(wibAt(monday, '09:00'))]);
    const first = computeSlaClocks(asked, setup(), [], wibAt(monday, '09:00'));
    expect(computeSlaClocks(asked, setup(), first, wibAt(monday, '09:10'))).toEqual(first);
  });

  it('keeps a recorded warning and breach through later recomputes of the same run', () => {
    const asked = facts([customer(wibAt(monday, '09:00'))]);
    const [running] = computeSlaClocks(asked, setup(), [], wibAt(monday, '09:00')).filter((c) => c.metric === 'first_response');
    const warned = { ...running!, warnedAt: wibAt(monday, '09:48'), breachedAt: wibAt(monday, '10:00'), state: 'breached' as const };
    const answered = computeSlaClocks(facts([...asked.messages, human(wibAt(monday, '10:10'))]), setup(), [warned], wibAt(monday, '10:10'));
    expect(clock(answered, 'first_response')).toMatchObject({ state: 'breached', warnedAt: wibAt(monday, '09:48'), breachedAt: wibAt(monday, '10:00'), stoppedAt: wibAt(monday, '10:10') });
  });

  it('without a policy no clock runs, but a breach on record stays', () => {
    const breached = { ...computeSlaClocks(facts([customer(wibAt(monday, '09:00'))]), setup(), [], wibAt(monday, '09:00'))[0]!, state: 'breached' as const };
    expect(computeSlaClocks(facts([customer(wibAt(monday, '09:00'))]), null, [breached], wibAt(monday, '12:00'))).toEqual([breached]);
  });
});

describe('the colour of a clock', () => {
  const base = { state: 'running' as const, dueAt: '2026-03-02T10:00:00.000Z', warnAt: '2026-03-02T09:48:00.000Z', remainingSeconds: null, targetSeconds: HOUR };
  it.each([
    ['green before the warning', base, '2026-03-02T09:30:00.000Z', 'green'],
    ['amber from the warning', base, '2026-03-02T09:48:00.000Z', 'amber'],
    ['red from the due time', base, '2026-03-02T10:00:00.000Z', 'red'],
    ['red once breached, even stopped', { ...base, state: 'breached' as const }, '2026-03-02T09:00:00.000Z', 'red'],
    ['green when paused with time to spare', { ...base, state: 'paused' as const, dueAt: null, warnAt: null, remainingSeconds: 1800 }, '2026-03-02T12:00:00.000Z', 'green'],
    ['amber when paused near the end', { ...base, state: 'paused' as const, dueAt: null, warnAt: null, remainingSeconds: 600 }, '2026-03-02T12:00:00.000Z', 'amber'],
    ['green once met', { ...base, state: 'met' as const }, '2026-03-02T12:00:00.000Z', 'green'],
  ])('%s', (_title, clockState, now, light) => {
    expect(slaLight(clockState, now)).toBe(light);
  });
});
