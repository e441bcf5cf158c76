import { randomBytes } from 'node:crypto';
import type { Database } from '@keluh/core';
import { demoChannelSettings } from './demo-content.ts';

export type SimChannel = 'whatsapp' | 'instagram';

/** What the in-process stand-in needs to play Meta for one channel: sign its webhooks, accept its calls. */
export interface SimCredentials {
  appSecret: string;
  accessToken: string;
}

export type DemoSimCredentials = Record<SimChannel, SimCredentials | null>;

const SIM_CHANNELS: readonly SimChannel[] = ['whatsapp', 'instagram'];

export function demoSimUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

const generated = () => randomBytes(32).toString('base64url');

/**
 * DEMO_SIM=1: every Meta channel nobody configured (neither the environment nor an admin) is connected
 * to the in-process stand-in, with secrets made now and kept only in the database. Without DEMO_SIM no
 * demo channel exists, so a server a stranger can reach never listens for demo-signed webhooks.
 */
export async function connectDemoChannels(db: Database, simUrl: string, now: string): Promise<SimChannel[]> {
  const connected: SimChannel[] = [];
  for (const kind of SIM_CHANNELS) {
    if (await db.channelConfigs.get(kind)) continue;
    await db.channelConfigs.upsert(kind, { ...demoChannelSettings[kind], appSecret: generated(), verifyToken: generated(), accessToken: generated(), graphBaseUrl: simUrl }, now);
    connected.push(kind);
  }
  return connected;
}

/**
 * The stored secrets of the channels that point at the stand-in; null for a channel connected to Meta
 * (or anywhere else), whose real secret the stand-in must never be handed.
 */
export async function demoSimCredentials(db: Database, simUrl: string): Promise<DemoSimCredentials> {
  const found: DemoSimCredentials = { whatsapp: null, instagram: null };
  for (const kind of SIM_CHANNELS) {
    const config = await db.channelConfigs.get(kind);
    const { appSecret, accessToken, graphBaseUrl } = config?.settings ?? {};
    if (appSecret && accessToken && graphBaseUrl?.replace(/\/+$/, '') === simUrl) found[kind] = { appSecret, accessToken };
  }
  return found;
}
