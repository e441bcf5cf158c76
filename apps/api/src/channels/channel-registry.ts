import type { AdapterRegistry, ChannelConfig, ChannelKind, Clock, Database, InboundEvent } from '@keluh/core';
import { InstagramAdapter, WhatsappAdapter, type WebchatAdapter } from '@keluh/channels';
import type { HandshakeResult } from '@keluh/channels';

/** What the webhook routes need from a Meta channel, whichever it is. */
export interface MetaWebhookAdapter {
  verifySignature(rawBody: Uint8Array, header: unknown): boolean;
  answerHandshake(query: Record<string, unknown>): HandshakeResult;
  parse(delivery: { body: unknown }): InboundEvent[];
}

export interface ChannelRegistryOptions {
  fetch?: typeof fetch;
  clock: Clock;
}

/**
 * The live set of channel adapters, rebuilt from the stored settings whenever an admin changes them.
 * The outbox reads `adapters` on every send, so a new token takes effect without a restart.
 */
export class ChannelRegistry {
  readonly adapters: AdapterRegistry;
  private readonly meta: Partial<Record<'whatsapp' | 'instagram', MetaWebhookAdapter>> = {};

  constructor(
    private readonly db: Database,
    webchat: WebchatAdapter,
    private readonly options: ChannelRegistryOptions,
  ) {
    this.adapters = { webchat };
  }

  async load(): Promise<void> {
    for (const config of await this.db.channelConfigs.list()) this.install(config);
  }

  webhookAdapter(kind: 'whatsapp' | 'instagram'): MetaWebhookAdapter | null {
    return this.meta[kind] ?? null;
  }

  /** Saves settings (validated by the route) and swaps the adapter in. */
  async configure(kind: ChannelKind, settings: Record<string, string>, now: string): Promise<ChannelConfig> {
    const config = await this.db.channelConfigs.upsert(kind, settings, now);
    this.install(config);
    return config;
  }

  private install(config: ChannelConfig): void {
    const fetchOption = this.options.fetch ? { fetch: this.options.fetch } : {};
    const s = config.settings;
    if (config.kind === 'whatsapp') {
      const adapter = new WhatsappAdapter(
        { appSecret: s.appSecret ?? '', verifyToken: s.verifyToken ?? '', accessToken: s.accessToken ?? '', phoneNumberId: s.phoneNumberId ?? '', graphBaseUrl: s.graphBaseUrl, graphVersion: s.graphVersion },
        fetchOption,
      );
      this.adapters.whatsapp = adapter;
      this.meta.whatsapp = adapter;
    }
    if (config.kind === 'instagram') {
      const adapter = new InstagramAdapter(
        { appSecret: s.appSecret ?? '', verifyToken: s.verifyToken ?? '', accessToken: s.accessToken ?? '', accountId: s.accountId ?? '', graphBaseUrl: s.graphBaseUrl, graphVersion: s.graphVersion },
        { ...fetchOption, now: () => this.options.clock.now() },
      );
      this.adapters.instagram = adapter;
      this.meta.instagram = adapter;
    }
  }
}
