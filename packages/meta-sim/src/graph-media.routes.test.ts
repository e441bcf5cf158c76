import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim } from './meta-sim.ts';
import { graphCall } from './testing.helpers.ts';

const sim = createMetaSim();
beforeAll(async () => {
  await sim.start();
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => sim.reset());

const PHOTO = Buffer.from('jpeg bytes of a dented parcel');
const bearer = () => ({ authorization: `Bearer ${sim.knobs.whatsapp.accessToken}` });

async function mediaUrl(id: string): Promise<string> {
  const answer = await graphCall(sim, 'GET', `/v23.0/${id}`);
  return answer.body.url as string;
}

describe('WhatsApp media download', () => {
  it('describes a media id with a sim URL, base64 sha256 and a string file_size', async () => {
    const id = sim.media.add(PHOTO, 'image/jpeg');
    const answer = await graphCall(sim, 'GET', `/v23.0/${id}?phone_number_id=118220045566779`);
    expect(Object.keys(answer.body)).toEqual(['messaging_product', 'url', 'mime_type', 'sha256', 'file_size', 'id']);
    expect(answer.body).toMatchObject({
      messaging_product: 'whatsapp',
      mime_type: 'image/jpeg',
      sha256: createHash('sha256').update(PHOTO).digest('base64'),
      file_size: String(PHOTO.length),
      id,
    });
    expect(answer.body.url).toMatch(new RegExp(`^${sim.url}/whatsapp_business/attachments/\\?mid=${id}&`));
  });

  it('serves the bytes only with the bearer token', async () => {
    const url = await mediaUrl(sim.media.add(PHOTO, 'image/jpeg'));
    const download = await fetch(url, { headers: bearer() });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PHOTO);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('expires the download URL after its TTL; asking for the media id again gives a fresh one', async () => {
    const id = sim.media.add(PHOTO, 'image/jpeg');
    const url = await mediaUrl(id);
    sim.advanceClock(5 * 60_000);
    expect((await fetch(url, { headers: bearer() })).status).toBe(404);
    const fresh = await mediaUrl(id);
    expect((await fetch(fresh, { headers: bearer() })).status).toBe(200);
  });

  it('uses the configured statuses for an expired URL and an unauthenticated fetch', async () => {
    sim.knobs.media.expiredUrlStatus = 410;
    sim.knobs.media.unauthenticatedStatus = 403;
    const id = sim.media.add(PHOTO, 'image/jpeg');
    const url = await mediaUrl(id);
    expect((await fetch(url)).status).toBe(403);
    sim.media.expireUrls(id);
    expect((await fetch(url, { headers: bearer() })).status).toBe(410);
  });

  it('forgets an inbound media id after 7 days, answering Graph error 100 / 33', async () => {
    const id = sim.media.add(PHOTO, 'image/jpeg');
    sim.advanceClock(7 * 24 * 3_600_000);
    const answer = await graphCall(sim, 'GET', `/v23.0/${id}`);
    expect([answer.status, answer.error?.code, answer.error?.error_subcode]).toEqual([400, 100, 33]);
  });

  it('refuses media metadata to a wrong token with 190', async () => {
    const id = sim.media.add(PHOTO, 'image/jpeg');
    expect((await graphCall(sim, 'GET', `/v23.0/${id}`, { token: 'nope' })).error?.code).toBe(190);
  });

  it('deletes a media id', async () => {
    const id = sim.media.add(PHOTO, 'image/jpeg');
    expect((await graphCall(sim, 'DELETE', `/v23.0/${id}`)).body).toEqual({ success: true });
    expect((await graphCall(sim, 'GET', `/v23.0/${id}`)).error?.code).toBe(100);
  });
});

describe('Instagram CDN attachments', () => {
  it('serves attachment URLs without a token until they expire', async () => {
    const url = sim.webhooks.instagram.cdnUrl(PHOTO, 'image/png');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PHOTO);
    sim.advanceClock(24 * 3_600_000);
    expect((await fetch(url)).status).toBe(403);
  });
});
