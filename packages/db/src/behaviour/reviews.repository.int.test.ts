import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Review, Ticket } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

const LATER = '2026-03-02T09:00:00.000Z';
const WEEK_LATER = '2026-03-09T09:00:00.000Z';

describe('reviews', () => {
  let db: Database;
  let ticket: Ticket;
  beforeEach(async () => {
    db = await freshDb();
    ticket = await seedTicket(db, { name: 'Rina Wulandari' });
  });
  afterEach(() => db.close());

  const request = (t: Ticket = ticket, at = T0) => db.reviews.createIfNoneOpen({ ticketId: t.id, customerId: t.customerId, channel: 'whatsapp', requestedBy: null }, at);
  const outbound = async (externalId: string | null) =>
    (await db.messages.insertIfAbsent({ ticketId: ticket.id, direction: 'out', authorKind: 'system', channel: 'whatsapp', externalId, body: 'Nilai kami?', status: 'sent', sentAt: T0 }, T0))!;

  it('a new request waits for its score with an empty testimonial', async () => {
    const review = await request();
    expect(review).toEqual<Review>({
      id: review!.id,
      ticketId: ticket.id,
      customerId: ticket.customerId,
      channel: 'whatsapp',
      state: 'requested',
      requestMessageId: null,
      consentMessageId: null,
      score: null,
      comment: null,
      consent: null,
      requestedBy: null,
      requestedAt: T0,
      ratedAt: null,
      completedAt: null,
      testimonial: { state: 'none', text: null, displayName: null, moderatedBy: null, moderatedAt: null },
    });
    expect(await db.reviews.findById(review!.id)).toEqual(review);
    expect(await db.reviews.latestForTicket(ticket.id)).toEqual(review);
  });

  it('a ticket has at most one open review, even when two requests race', async () => {
    const results = await Promise.all([db.transaction((tx) => tx.reviews.createIfNoneOpen({ ticketId: ticket.id, customerId: ticket.customerId, channel: 'whatsapp', requestedBy: null }, T0)), db.transaction((tx) => tx.reviews.createIfNoneOpen({ ticketId: ticket.id, customerId: ticket.customerId, channel: 'whatsapp', requestedBy: null }, T0))]);
    expect(results.filter((review) => review !== null)).toHaveLength(1);
    expect(await request()).toBeNull();
  });

  it('a completed or expired review makes room for a new request', async () => {
    const first = (await request())!;
    await db.reviews.rate(first.id, 3, LATER);
    expect(await request()).toBeNull();
    await db.reviews.complete(first.id, LATER);
    const second = await request(ticket, LATER);
    expect(second).not.toBeNull();
    expect(await db.reviews.expireRequestedBefore(WEEK_LATER, WEEK_LATER)).toBe(1);
    expect((await db.reviews.findById(second!.id))?.state).toBe('expired');
    expect(await request(ticket, WEEK_LATER)).not.toBeNull();
  });

  it('lists only the open reviews of a customer, newest first', async () => {
    const other = await seedTicket(db, { name: 'Budi' });
    const answered = (await request())!;
    await db.reviews.rate(answered.id, 5, LATER);
    await db.reviews.answerConsent(answered.id, false, null, LATER);
    const older = (await request())!;
    // The customer's next issue, while the first ticket's review still waits.
    await db.tickets.update(ticket.id, { status: 'resolved' }, LATER);
    const next = (await db.tickets.createActiveIfAbsent({ customerId: ticket.customerId, subject: 'Lagi', channel: 'whatsapp' }, LATER))!;
    const newer = (await request(next, LATER))!;
    await request(other);
    expect((await db.reviews.listOpenForCustomer(ticket.customerId)).map((review) => review.id)).toEqual([newer.id, older.id]);
  });

  it('finds the review whose rating or consent question carried a channel message id', async () => {
    const review = (await request())!;
    const question = await outbound('wamid.rate.1');
    const consent = await outbound('wamid.consent.1');
    await db.reviews.setRequestMessage(review.id, question.id);
    await db.reviews.setConsentMessage(review.id, consent.id);
    expect((await db.reviews.findByQuestionExternalId('whatsapp', 'wamid.rate.1'))?.id).toBe(review.id);
    expect((await db.reviews.findByQuestionExternalId('whatsapp', 'wamid.consent.1'))?.id).toBe(review.id);
    expect(await db.reviews.findByQuestionExternalId('instagram', 'wamid.rate.1')).toBeNull();
    expect(await db.reviews.findByQuestionExternalId('whatsapp', 'wamid.other')).toBeNull();
  });

  it('counts a score once, whichever of two racing answers wins', async () => {
    const review = (await request())!;
    const results = await Promise.all([db.transaction((tx) => tx.reviews.rate(review.id, 5, LATER)), db.transaction((tx) => tx.reviews.rate(review.id, 1, LATER))]);
    const winners = results.filter((result) => result !== null);
    expect(winners).toHaveLength(1);
    expect(await db.reviews.findById(review.id)).toMatchObject({ state: 'rated', score: winners[0]!.score, ratedAt: LATER });
    expect(await db.reviews.rate(review.id, 4, LATER)).toBeNull();
  });

  it('takes consent only once, and only after a score', async () => {
    const review = (await request())!;
    expect(await db.reviews.answerConsent(review.id, true, { text: 'Cepat', displayName: 'Rina W.' }, LATER)).toBeNull();
    await db.reviews.rate(review.id, 5, LATER);
    const results = await Promise.all([
      db.transaction((tx) => tx.reviews.answerConsent(review.id, true, { text: 'Cepat', displayName: 'Rina W.' }, LATER)),
      db.transaction((tx) => tx.reviews.answerConsent(review.id, false, null, LATER)),
    ]);
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    const stored = (await db.reviews.findById(review.id))!;
    expect(stored.state).toBe('completed');
    expect(stored.testimonial.state).toBe(stored.consent ? 'pending' : 'none');
  });

  it('a yes makes the testimonial pending with its redacted text and display name', async () => {
    const review = (await request())!;
    await db.reviews.rate(review.id, 5, LATER);
    const answered = await db.reviews.answerConsent(review.id, true, { text: 'Terima kasih, […]!', displayName: 'Rina W.' }, LATER);
    expect(answered).toMatchObject({ state: 'completed', consent: true, completedAt: LATER, testimonial: { state: 'pending', text: 'Terima kasih, […]!', displayName: 'Rina W.' } });
  });

  it('takes a comment while open and never after', async () => {
    const review = (await request())!;
    expect((await db.reviews.comment(review.id, 'Cepat sekali', LATER))?.comment).toBe('Cepat sekali');
    await db.reviews.complete(review.id, LATER);
    expect(await db.reviews.comment(review.id, 'Lagi', LATER)).toBeNull();
    expect((await db.reviews.findById(review.id))?.comment).toBe('Cepat sekali');
  });

  it('expires unanswered requests and closes rated ones older than the cut-off, leaving newer ones', async () => {
    const old = (await request())!;
    const other = await seedTicket(db, { name: 'Budi' });
    const rated = (await request(other))!;
    await db.reviews.rate(rated.id, 4, LATER);
    const third = await seedTicket(db, { name: 'Sari' });
    const fresh = (await request(third, WEEK_LATER))!;
    expect(await db.reviews.expireRequestedBefore('2026-03-05T00:00:00.000Z', WEEK_LATER)).toBe(2);
    expect(await db.reviews.findById(old.id)).toMatchObject({ state: 'expired', completedAt: WEEK_LATER });
    expect(await db.reviews.findById(rated.id)).toMatchObject({ state: 'completed', score: 4 });
    expect((await db.reviews.findById(fresh.id))?.state).toBe('requested');
    expect(await db.reviews.expireRequestedBefore('2026-03-05T00:00:00.000Z', WEEK_LATER)).toBe(0);
  });

  it('moderates only reviews that became testimonials, and lists them by state newest first', async () => {
    const staff = await db.users.create({ email: 'sup@keluh.test', name: 'Sup', role: 'supervisor', passwordHash: 'x' }, T0);
    const plain = (await request())!;
    expect(await db.reviews.moderate(plain.id, { state: 'approved', text: 'x', displayName: 'x' }, staff.id, LATER)).toBeNull();
    const ids: number[] = [];
    for (const name of ['A', 'B', 'C']) {
      const t = await seedTicket(db, { name });
      const review = (await request(t))!;
      await db.reviews.rate(review.id, 5, LATER);
      await db.reviews.answerConsent(review.id, true, { text: `Bagus ${name}`, displayName: name }, LATER);
      ids.push(review.id);
    }
    const approved = await db.reviews.moderate(ids[1]!, { state: 'approved', text: 'Bagus sekali', displayName: 'B.' }, staff.id, LATER);
    expect(approved?.testimonial).toEqual({ state: 'approved', text: 'Bagus sekali', displayName: 'B.', moderatedBy: staff.id, moderatedAt: LATER });
    expect((await db.reviews.listTestimonials({ states: ['pending'], limit: 10 })).map((r) => r.id)).toEqual([ids[2], ids[0]]);
    expect((await db.reviews.listTestimonials({ states: ['pending', 'approved'], limit: 2 })).map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect((await db.reviews.listTestimonials({ states: ['pending', 'approved'], limit: 10, before: ids[1]! })).map((r) => r.id)).toEqual([ids[0]]);
    expect(await db.reviews.listTestimonials({ states: [], limit: 10 })).toEqual([]);

    // A supervisor's queue holds only their teams' tickets' words.
    const other = await db.teams.create('Penjualan', LATER);
    const movedTicket = (await db.reviews.findById(ids[0]!))!.ticketId;
    await db.tickets.update(movedTicket, { teamId: other.id }, LATER);
    expect((await db.reviews.listTestimonials({ states: ['pending'], limit: 10, teamIds: [other.id] })).map((r) => r.id)).toEqual([ids[0]]);
    const home = (await db.tickets.findById((await db.reviews.findById(ids[2]!))!.ticketId))!.teamId!;
    expect((await db.reviews.listTestimonials({ states: ['pending'], limit: 10, teamIds: [home] })).map((r) => r.id)).toEqual([ids[2]]);
    expect(await db.reviews.listTestimonials({ states: ['pending'], limit: 10, teamIds: [] })).toEqual([]);
  });
});

describe('recovery tasks', () => {
  let db: Database;
  let review: Review;
  beforeEach(async () => {
    db = await freshDb();
    const ticket = await seedTicket(db);
    review = (await db.reviews.createIfNoneOpen({ ticketId: ticket.id, customerId: ticket.customerId, channel: 'whatsapp', requestedBy: null }, T0))!;
  });
  afterEach(() => db.close());

  const input = () => ({ reviewId: review.id, ticketId: review.ticketId, customerId: review.customerId, score: 1 });

  it('opens one task per review, even when two answers race', async () => {
    const results = await Promise.all([db.transaction((tx) => tx.recoveryTasks.openIfAbsent(input(), T0)), db.transaction((tx) => tx.recoveryTasks.openIfAbsent(input(), T0))]);
    const opened = results.filter((task) => task !== null);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toEqual({ id: opened[0]!.id, ...input(), state: 'open', assigneeId: null, note: null, createdAt: T0, closedAt: null, closedBy: null });
    expect(await db.recoveryTasks.openIfAbsent(input(), LATER)).toBeNull();
    expect(await db.recoveryTasks.list({ limit: 10 })).toHaveLength(1);
  });

  it('closes an open task once, with the note and who closed it', async () => {
    const staff = await db.users.create({ email: 'sup@keluh.test', name: 'Sup', role: 'supervisor', passwordHash: 'x' }, T0);
    const task = (await db.recoveryTasks.openIfAbsent(input(), T0))!;
    expect((await db.recoveryTasks.assign(task.id, staff.id))?.assigneeId).toBe(staff.id);
    expect(await db.recoveryTasks.close(task.id, 'Ditelepon, voucher diberikan', staff.id, LATER)).toMatchObject({ state: 'done', note: 'Ditelepon, voucher diberikan', closedBy: staff.id, closedAt: LATER });
    expect(await db.recoveryTasks.close(task.id, 'lagi', staff.id, LATER)).toBeNull();
    expect(await db.recoveryTasks.list({ state: 'open', limit: 10 })).toEqual([]);
    expect((await db.recoveryTasks.list({ state: 'done', limit: 10 })).map((t) => t.id)).toEqual([task.id]);
    expect(await db.recoveryTasks.findById(999_999)).toBeNull();
  });
});
