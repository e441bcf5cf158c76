import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wa } from '@keluh/channels/meta-sim';
import { eventually } from '../testing/test-app.ts';
import { startChannelHarness, type ChannelHarness } from '../testing/channel-harness.ts';
import { MediaWorker } from './media-worker.ts';

describe('media downloads interrupted by a restart', () => {
  let h: ChannelHarness;
  beforeAll(async () => {
    h = await startChannelHarness();
  });
  afterAll(() => h.close());

  it('are picked up again when the worker starts, so no photo stays pending', async () => {
    await h.sim.webhooks.whatsapp.inbound({ name: 'Rina', waId: '6281200000777' }, wa.text('Halo'));
    const ticket = (await h.t.db.tickets.list({ limit: 5, channel: ['whatsapp'] })).items[0]!;
    const photo = h.sim.media.describe(h.sim.media.add(Buffer.from('not really a jpeg, but bytes'), 'image/jpeg'));
    // As if the process died right after committing the webhook: the row is there, the download never ran.
    const stranded = await h.t.db.messages.insertIfAbsent(
      {
        ticketId: ticket.id,
        direction: 'in',
        authorKind: 'customer',
        channel: 'whatsapp',
        externalId: 'wamid.stranded-photo',
        body: 'Foto paketnya',
        attachments: [{ kind: 'image', mimeType: 'image/jpeg', state: 'pending', externalRef: photo.id, sha256: photo.sha256 }],
        status: 'received',
        sentAt: new Date().toISOString(),
      },
      new Date().toISOString(),
    );
    const { core, channels, media, bus } = h.t.app.services;
    const restarted = new MediaWorker(core, channels.adapters, media, bus, h.t.app.log);
    restarted.start();
    await eventually(async () => expect((await h.t.db.messages.findById(stranded!.id))?.attachments[0]).toMatchObject({ state: 'stored', url: expect.stringMatching(/^\/api\/media\/[a-f0-9]{64}$/) }));
    await restarted.stop();
  });
});
