import { parseAllowHosts } from '@keluh/channels';
import { createMetaSim, type MetaSim } from '@keluh/meta-sim';
import type { Message } from '@keluh/core';
import { adjustableClock } from './adjustable-clock.ts';
import type { Config } from '../config/config.ts';
import { eventually, startTestApp, type TestApp } from './test-app.ts';

export const WA_PHONE_NUMBER_ID = '118220045566779';
export const IG_ACCOUNT_ID = '17841400123456789';
export const WA_VERIFY_TOKEN = 'wa-verify-token-1';
export const IG_VERIFY_TOKEN = 'ig-verify-token-1';
export const WA_TEMPLATES = [{ name: 'complaint_followup_v2', language: 'id', body: 'Halo {{1}}, tiket {{2}} sedang kami tindak lanjuti.' }];

export interface ChannelHarness {
  t: TestApp;
  sim: MetaSim;
  /** Bearer headers of a signed-in agent. */
  headers: Record<string, string>;
  /** Moves the help desk's clock and the sim's together (windows, media URL expiry). */
  advance(ms: number): void;
  /** meta-sim back to its defaults, still pointed at this app and on the same clock. */
  resetSim(): void;
  /** The stored message with that channel id, once it exists. */
  message(channel: 'whatsapp' | 'instagram', externalId: string): Promise<Message>;
  reply(ticketId: number, payload: Record<string, unknown>): Promise<{ statusCode: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * The help desk on a real port with WhatsApp and Instagram connected to a live meta-sim, and the sim's
 * webhooks pointed back at the help desk: channels.md §6 cases run over real HTTP both ways.
 */
export async function startChannelHarness(options: { config?: Partial<Config> } = {}): Promise<ChannelHarness> {
  const sim = createMetaSim({});
  await sim.start();
  const clock = adjustableClock();
  const t = await startTestApp({
    clock,
    // The sim is plain http on loopback: the outbound guard lets it through only because it is listed.
    config: { ...options.config, OUTBOUND_ALLOW_HOSTS: [...parseAllowHosts(new URL(sim.url).host), ...(options.config?.OUTBOUND_ALLOW_HOSTS ?? [])] },
    channels: {
      whatsapp: {
        appSecret: sim.knobs.whatsapp.appSecret,
        verifyToken: WA_VERIFY_TOKEN,
        accessToken: sim.knobs.whatsapp.accessToken,
        phoneNumberId: WA_PHONE_NUMBER_ID,
        graphBaseUrl: sim.url,
        graphVersion: 'v23.0',
        templates: JSON.stringify(WA_TEMPLATES),
      },
      instagram: {
        appSecret: sim.knobs.instagram.appSecret,
        verifyToken: IG_VERIFY_TOKEN,
        accessToken: sim.knobs.instagram.accessToken,
        accountId: IG_ACCOUNT_ID,
        graphBaseUrl: sim.url,
        graphVersion: 'v23.0',
      },
    },
  });
  const pointAtApp = () => {
    sim.knobs.whatsapp.webhookUrl = `${t.url}/webhooks/whatsapp`;
    sim.knobs.instagram.webhookUrl = `${t.url}/webhooks/instagram`;
  };
  pointAtApp();
  const headers = { authorization: `Bearer ${await t.login()}` };
  return {
    t,
    sim,
    headers,
    advance(ms) {
      clock.advance(ms);
      sim.advanceClock(ms);
    },
    resetSim() {
      // sim.reset() restores the creation knobs, clock offset included: keep the sim's clock in step with ours.
      const clockOffsetMs = sim.knobs.clockOffsetMs;
      sim.reset();
      sim.knobs.clockOffsetMs = clockOffsetMs;
      pointAtApp();
    },
    async message(channel, externalId) {
      let found: Message | null = null;
      await eventually(async () => {
        found = await t.db.messages.findByExternalId(channel, externalId);
        if (!found) throw new Error(`no ${channel} message ${externalId} yet`);
      });
      return found!;
    },
    async reply(ticketId, payload) {
      const response = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/messages`, headers, payload });
      return { statusCode: response.statusCode, body: response.json() };
    },
    async close() {
      await t.close();
      await sim.stop();
    },
  };
}
