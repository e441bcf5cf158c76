import type { MetaSimKnobs } from './knobs.ts';

/**
 * Default knob values: what Meta does out of the box per channels.md (§2.10 limits, §2.7 media
 * lifetimes, §2.11 / §3.10 fake behaviour), with webhook timings compressed for tests.
 */

const HOUR = 3_600_000;

export function defaultKnobs(): MetaSimKnobs {
  return {
    whatsapp: {
      accessToken: 'test-whatsapp-token',
      tokenExpired: false,
      appSecret: 'test-whatsapp-secret',
      webhookUrl: null,
      phoneNumbers: [
        { phoneNumberId: '118220045566779', displayPhoneNumber: '6281100020003', countryCode: '62', wabaId: '498712345600011' },
      ],
      lastInboundAt: {},
      windowOpen: {},
      openWindowOnInbound: true,
      windowMode: 'async',
      templates: [
        { name: 'complaint_followup_v2', languages: ['id', 'en'], bodyParameterCount: 2 },
        { name: 'csat_request', languages: ['id', 'en'], quickReplies: ['Sudah selesai', 'Belum selesai'] },
        { name: 'otp_login', languages: ['id', 'en'], rejectsBsuid: true },
      ],
      textMaxLength: 4096,
      prependCountryCodeWithoutPlus: true,
      bsuids: {},
      recipientErrors: {},
      failNext: [],
      rateLimit: { throughputPerSecond: 80, pair: { burst: 45, refillEveryMs: 6_000 }, throughputVia: 'sync' },
      statuses: {
        upTo: 'read',
        skipDelivered: false,
        delaysMs: { sent: 5, delivered: 10, read: 10 },
        beforeResponse: false,
        order: 'natural',
        includePricing: true,
        includeContacts: false,
        failedDelayMs: 5,
      },
    },
    instagram: {
      accessToken: 'test-instagram-token',
      tokenExpired: false,
      appSecret: 'test-instagram-secret',
      webhookUrl: null,
      accounts: [{ igId: '17841400123456789', pageId: '104400112233445', username: 'keluh.store' }],
      lastInboundAt: {},
      windowOpen: {},
      openWindowOnInbound: true,
      windowErrorSubcode: 2534022,
      humanAgentApproved: true,
      requireMessagingTypeWithTag: false,
      textMaxBytes: 1000,
      unavailableUsers: [],
      profiles: {},
      failNext: [],
      sendsPerSecond: 300,
      echoes: { enabled: true, delayMs: 5, beforeResponse: false },
      disableAfterConsecutiveFailures: null,
    },
    delivery: {
      escapeUnicode: true,
      retryDelaysMs: [0, 20, 60, 150, 400],
      maxAttempts: 6,
      timeoutMs: 5_000,
      duplicate: 'none',
      shuffleSeed: 42,
    },
    media: {
      urlTtlMs: 5 * 60_000,
      inboundIdTtlMs: 7 * 24 * HOUR,
      uploadedIdTtlMs: 30 * 24 * HOUR,
      unauthenticatedStatus: 401,
      expiredUrlStatus: 404,
      igCdnTtlMs: 24 * HOUR,
    },
    clockOffsetMs: 0,
    httpStatusByCode: {},
  };
}

export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Applies overrides onto a knob tree; arrays and records of ids are replaced, not merged. */
export function mergeKnobs<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    const current = out[key];
    const bothPlain = isPlainObject(current) && isPlainObject(value) && !REPLACED_KEYS.has(key);
    out[key] = bothPlain ? mergeKnobs(current, value as DeepPartial<typeof current>) : value;
  }
  return out as T;
}

/** Maps keyed by customer id are data, not structure: an override replaces them wholesale. */
const REPLACED_KEYS = new Set(['lastInboundAt', 'windowOpen', 'bsuids', 'recipientErrors', 'profiles', 'httpStatusByCode']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
