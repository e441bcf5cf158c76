import { recordAudit, type AdapterRegistry, type AuditRecord, type ChannelConfig, type ChannelKind, type Clock, type Database, type InboundEvent } from '@keluh/core';
import { ApiChannelAdapter, InstagramAdapter, WhatsappAdapter, type WebchatAdapter } from '@keluh/channels';
import type { HandshakeResult } from '@keluh/channels';
import type { ChannelMediaRules } from '../outbound/outbound-policy.ts';

/** What the webhook routes need from a Meta channel, whichever it is. */
export interface MetaWebhookAdapter {
  verifySignature(rawBody: Uint8Array, header: unknown): boolean;
  answerHandshake(query: Record<string, unknown>): HandshakeResult;
  parse(delivery: { body: unknown }): InboundEvent[];
  /** Account-level errors Meta reported in the delivery (WhatsApp `value.errors`, §2.3.7): logged only. */
  webhookErrors?(delivery: { body: unknown }): { code: number | null; title: string | null; details: string | null }[];
}

export interface ChannelRegistryOptions {
  /** The outbound-guarded client in production; every adapter's calls go through it. */
  fetch?: typeof fetch;
  clock: Clock;
  /** Hosts, size and time limits for attachment downloads, per channel. */
  media?: Partial<ChannelMediaRules>;
}

/**
 * The live set of channel adapters, rebuilt from the stored settings whenever an admin changes them.
 * The outbox reads `adapters` on every send, so a new token takes effect without a restart.
 */
export class ChannelRegistry {
  readonly adapters: AdapterRegistry;
  /** Serves every API channel integration; it reads each one's secret and URL from the database per send. */
  readonly api: ApiChannelAdapter;
  private readonly meta: Partial<Record<'whatsapp' | 'instagram', MetaWebhookAdapter>> = {};
  private whatsappAdapter: WhatsappAdapter | null = null;
  private instagramAdapter: InstagramAdapter | null = null;
  /** When each channel last delivered a webhook we accepted: in memory, for the console's health hint (§3.5). */
  private readonly webhookSeenAt: Partial<Record<'whatsapp' | 'instagram', string>> = {};

  constructor(
    private readonly db: Database,
    webchat: WebchatAdapter,
    private readonly options: ChannelRegistryOptions,
  ) {
    this.api = new ApiChannelAdapter((id) => db.apiChannels.findById(id), {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      now: () => options.clock.now(),
    });
    this.adapters = { webchat, api: this.api };
  }

  async load(): Promise<void> {
    for (const config of await this.db.channelConfigs.list()) this.install(config);
  }

  webhookAdapter(kind: 'whatsapp' | 'instagram'): MetaWebhookAdapter | null {
    return this.meta[kind] ?? null;
  }

  /** The live WhatsApp adapter, for calls beyond sending (mark-as-read). */
  whatsapp(): WhatsappAdapter | null {
    return this.whatsappAdapter;
  }

  /** The live Instagram adapter, for calls beyond sending (re-subscribing webhooks). */
  instagram(): InstagramAdapter | null {
    return this.instagramAdapter;
  }

  noteWebhook(kind: 'whatsapp' | 'instagram', at: string): void {
    this.webhookSeenAt[kind] = at;
  }

  lastWebhookAt(kind: ChannelKind): string | null {
    return kind === 'whatsapp' || kind === 'instagram' ? (this.webhookSeenAt[kind] ?? null) : null;
  }

  /**
   * Saves settings (validated by the route) with their audit entries in one transaction, then swaps the
   * adapter in — after the commit, so a rolled-back save never serves traffic.
   */
  async configure(kind: ChannelKind, settings: Record<string, string>, now: string, audits: (before: Record<string, string> | undefined) => AuditRecord[] = () => []): Promise<ChannelConfig> {
    const config = await this.db.transaction(async (tx) => {
      const before = (await tx.channelConfigs.get(kind))?.settings;
      const saved = await tx.channelConfigs.upsert(kind, settings, now);
      for (const record of audits(before)) await recordAudit(tx, record, now);
      return saved;
    });
    this.install(config);
    return config;
  }

  private install(config: ChannelConfig): void {
    const fetchOption = this.options.fetch ? { fetch: this.options.fetch } : {};
    const s = config.settings;
    if (config.kind === 'whatsapp') {
      const adapter = new WhatsappAdapter(
        { appSecret: s.appSecret ?? '', verifyToken: s.verifyToken ?? '', accessToken: s.accessToken ?? '', phoneNumberId: s.phoneNumberId ?? '', graphBaseUrl: s.graphBaseUrl, graphVersion: s.graphVersion },
        { ...fetchOption, ...(this.options.media?.whatsapp ? { media: this.options.media.whatsapp } : {}) },
      );
      this.adapters.whatsapp = adapter;
      this.meta.whatsapp = adapter;
      this.whatsappAdapter = adapter;
    }
    if (config.kind === 'instagram') {
      const adapter = new InstagramAdapter(
        { appSecret: s.appSecret ?? '', verifyToken: s.verifyToken ?? '', accessToken: s.accessToken ?? '', accountId: s.accountId ?? '', graphBaseUrl: s.graphBaseUrl, graphVersion: s.graphVersion },
        { ...fetchOption, now: () => this.options.clock.now(), ...(this.options.media?.instagram ? { media: this.options.media.instagram } : {}) },
      );
      this.adapters.instagram = adapter;
      this.meta.instagram = adapter;
      this.instagramAdapter = adapter;
    }
  }
}
