import { describe, expect, it } from 'vitest';
import { isAppError, type ChannelAdapter, type ChannelKind, type OutboundMessage } from '@keluh/core';

export interface AdapterContractFixture<Delivery> {
  channel: ChannelKind;
  makeAdapter(): ChannelAdapter<Delivery>;
  /** A valid delivery containing at least one customer message. */
  messageDelivery(): Delivery;
  /** A delivery the adapter must refuse with a coded error. */
  invalidDelivery(): Delivery;
  outbound(): OutboundMessage;
}

/**
 * Every channel adapter passes this suite, so the ingest pipeline can treat them alike: stable
 * idempotency keys, coded refusals, and a send that returns the channel's id.
 */
export function describeChannelAdapterContract<Delivery>(fixture: AdapterContractFixture<Delivery>): void {
  describe(`${fixture.channel} adapter honours the channel adapter contract`, () => {
    it('names its channel', () => {
      expect(fixture.makeAdapter().channel).toBe(fixture.channel);
    });

    it('turns a delivery into message events of its own channel with an idempotency key', () => {
      const events = fixture.makeAdapter().parse(fixture.messageDelivery());
      const messages = events.filter((event) => event.kind === 'message');
      expect(messages.length).toBeGreaterThan(0);
      for (const event of messages) {
        expect(event.channel).toBe(fixture.channel);
        expect(event.externalMessageId.length).toBeGreaterThan(0);
        expect(event.sender.externalId.length).toBeGreaterThan(0);
        expect(Number.isNaN(Date.parse(event.sentAt))).toBe(false);
      }
    });

    it('gives a redelivery the same idempotency keys, so ingest stores it once', () => {
      const adapter = fixture.makeAdapter();
      const ids = (delivery: Delivery) => adapter.parse(delivery).flatMap((event) => (event.kind === 'message' || event.kind === 'status' ? [event.externalMessageId] : []));
      expect(ids(fixture.messageDelivery())).toEqual(ids(fixture.messageDelivery()));
    });

    it('refuses a bad delivery with a coded error', () => {
      let caught: unknown;
      try {
        fixture.makeAdapter().parse(fixture.invalidDelivery());
      } catch (error) {
        caught = error;
      }
      expect(isAppError(caught)).toBe(true);
    });

    it('returns the channel id of a sent message', async () => {
      const receipt = await fixture.makeAdapter().send(fixture.outbound());
      expect(receipt.externalMessageId.length).toBeGreaterThan(0);
    });

    it('refuses a question no channel can show (fourteen options) with channel.choices_unfit, never retried', async () => {
      const options = Array.from({ length: 14 }, (_, i) => ({ id: `opt:${i}`, title: `${i}` }));
      const send = fixture.makeAdapter().send({ ...fixture.outbound(), choices: { purpose: 'rating', reviewId: 1, options } });
      await expect(send).rejects.toMatchObject({ name: 'ChannelSendError', code: 'channel.choices_unfit', retryable: false });
    });
  });
}
