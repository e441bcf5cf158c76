import type { ChannelConfig, ChannelKind } from '@keluh/core';
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
