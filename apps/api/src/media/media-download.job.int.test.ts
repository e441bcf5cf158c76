import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wa } from '@keluh/meta-sim';
import { eventually } from '../testing/test-app.ts';
import { startChannelHarness, type ChannelHarness } from '../testing/channel-harness.ts';
import { JobRunner } from '../workers/job-runner.ts';
import { mediaDownloadHandler } from './media-download.job.ts';

describe('media downloads interrupted by a restart', () => {
  let h: ChannelHarness;
  beforeAll(async () => {
    h = await startChannelHarness();
  });
  afterAll(() => h.close());

  it('are picked up by the next process to start, so no photo stays pending', async () => {
    const { core, channels, media, bus, jobs } = h.t.app.services;
    // As if the process died right after committing the webhook: the row and its job are there, nobody runs it.
    await jobs.stop();
    const photo = h.sim.media.describe(h.sim.media.add(Buffer.from('not really a jpeg, but bytes'), 'image/jpeg'));
    await h.sim.webhooks.whatsapp.inbound({ name: 'Rina', waId: '6281200000777' }, wa.image(photo));
    const ticket = (await h.t.db.tickets.list({ limit: 5, channel: ['whatsapp'] })).items[0]!;
    const [stranded] = (await h.t.db.messages.listForTicket(ticket.id)).filter((message) => message.attachments.length > 0);
    expect(stranded?.attachments[0]).toMatchObject({ state: 'pending' });

    const next = new JobRunner(core, { 'media.download': mediaDownloadHandler(core, channels.adapters, media, h.t.app.log) }, bus, h.t.app.log, 'next-process');
    next.start();
    await eventually(async () => expect((await h.t.db.messages.findById(stranded!.id))?.attachments[0]).toMatchObject({ state: 'stored', url: expect.stringMatching(/^\/api\/media\/[a-f0-9]{64}$/) }));
    await next.stop();
  });
});
