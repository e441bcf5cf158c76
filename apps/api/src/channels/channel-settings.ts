import { AppError, type ChannelConfig, type ChannelKind } from '@keluh/core';
import { INSTAGRAM_GRAPH_BASE_URL, whatsappGraphDefaults } from '@keluh/channels';
import { secretSettingKeys, type ChannelViewDto } from '@keluh/contracts';
import type { Config } from '../config/config.ts';

/** Shows enough of a secret to recognise it, never enough to use it. */
export function maskSecret(value: string): string {
  return value.length <= 8 ? '••••' : `••••${value.slice(-4)}`;
}

export function toChannelView(config: ChannelConfig, publicUrl: string): ChannelViewDto {
  const settings = Object.fromEntries(
    Object.entries(config.settings).map(([key, value]) => [key, (secretSettingKeys as readonly string[]).includes(key) ? maskSecret(value) : value]),
  );
  return { kind: config.kind, settings, status: config.status, statusReason: config.statusReason, webhookUrl: `${publicUrl}/webhooks/${config.kind}`, updatedAt: config.updatedAt };
}

/**
 * An admin may resubmit the form with secrets still masked: a masked value means "keep the stored one".
 */
export function mergeSecrets(submitted: Record<string, string | undefined>, stored: Record<string, string> | undefined): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries(submitted)) {
    if (value === undefined) continue;
    merged[key] = value.startsWith('••••') && stored?.[key] ? stored[key] : value;
  }
  return merged;
}

const defaultGraphBase: Record<'whatsapp' | 'instagram', string> = { whatsapp: whatsappGraphDefaults.graphBaseUrl, instagram: INSTAGRAM_GRAPH_BASE_URL };

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * The access token is sent as a bearer token to the Graph base URL. Carrying the stored token over to
 * a new host on a masked value would hand it to whoever runs that host (an admin session stolen for a
 * minute would be enough), so a new host needs the token typed again.
 */
export function assertTokenFollowsHost(
  kind: 'whatsapp' | 'instagram',
  submitted: Record<string, string | undefined>,
  stored: Record<string, string> | undefined,
  nextGraphBaseUrl: string,
): void {
  if (!stored?.accessToken || !submitted.accessToken?.startsWith('••••')) return;
  if (originOf(stored.graphBaseUrl || defaultGraphBase[kind]) === originOf(nextGraphBaseUrl)) return;
  const message = 'Enter the access token again: the stored one is not sent to a new Graph address';
  throw new AppError('channel.token_required', message, { field: 'accessToken', issues: [{ path: 'body.accessToken', message }] });
}

/** Channel settings taken from the environment on first start (README lists the variables). */
export function channelSettingsFromEnv(config: Config): Partial<Record<ChannelKind, Record<string, string>>> {
  const found: Partial<Record<ChannelKind, Record<string, string>>> = {};
  if (config.WHATSAPP_APP_SECRET && config.WHATSAPP_VERIFY_TOKEN && config.WHATSAPP_ACCESS_TOKEN && config.WHATSAPP_PHONE_NUMBER_ID) {
    found.whatsapp = {
      appSecret: config.WHATSAPP_APP_SECRET,
      verifyToken: config.WHATSAPP_VERIFY_TOKEN,
      accessToken: config.WHATSAPP_ACCESS_TOKEN,
      phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID,
      graphBaseUrl: config.GRAPH_API_BASE_URL ?? 'https://graph.facebook.com',
      graphVersion: 'v23.0',
    };
  }
  if (config.INSTAGRAM_APP_SECRET && config.INSTAGRAM_VERIFY_TOKEN && config.INSTAGRAM_ACCESS_TOKEN && config.INSTAGRAM_ACCOUNT_ID) {
    found.instagram = {
      appSecret: config.INSTAGRAM_APP_SECRET,
      verifyToken: config.INSTAGRAM_VERIFY_TOKEN,
      accessToken: config.INSTAGRAM_ACCESS_TOKEN,
      accountId: config.INSTAGRAM_ACCOUNT_ID,
      graphBaseUrl: config.GRAPH_API_BASE_URL ?? 'https://graph.instagram.com',
      graphVersion: 'v23.0',
    };
  }
  return found;
}
