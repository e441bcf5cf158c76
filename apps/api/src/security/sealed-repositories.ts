import type { ApiChannel, ChannelConfig, ChannelKind, Database, Repositories } from '@keluh/core';
import { secretSettingKeys } from '@keluh/contracts';
import { isSealed, type SecretBox } from './secret-box.ts';

/**
 * Encryption at rest as a decorator around core's repository ports, so every implementation (SQLite
 * today, PostgreSQL later) stores the same sealed values and no route or use case ever sees one: they
 * read and write plain secrets, the database only ever holds envelopes. The repositories handed to
 * `transaction()` are decorated too — ingest and the admin routes write inside transactions.
 */
export interface SecretCodec {
  seal(plain: string, context: string): string;
  open(stored: string, context: string): string;
}

/** Settings-table keys whose values are secrets (the rest, e.g. flags, stay readable). */
export const SEALED_SETTING_KEYS: readonly string[] = ['visitor_token_secret', 'widget_identity_secret'];

export const secretContext = {
  channel: (kind: ChannelKind, key: string) => `channel:${kind}:${key}`,
  apiChannel: 'api_channel:secret',
  setting: (key: string) => `setting:${key}`,
};

export const isSecretSetting = (key: string) => (secretSettingKeys as readonly string[]).includes(key);

/** Reads values an older install stored in plain text; everything sealed must still open with the key. */
export function acceptingPlaintext(box: SecretBox): SecretCodec {
  return { seal: (plain, context) => box.seal(plain, context), open: (stored, context) => (isSealed(stored) ? box.open(stored, context) : stored) };
}

function mapChannelSecrets(kind: ChannelKind, settings: Record<string, string>, apply: (value: string, context: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, isSecretSetting(key) ? apply(value, secretContext.channel(kind, key)) : value]));
}

export function sealRepositories(repos: Repositories, codec: SecretCodec): Repositories {
  const openConfig = (config: ChannelConfig): ChannelConfig => ({ ...config, settings: mapChannelSecrets(config.kind, config.settings, codec.open) });
  const openApiChannel = (channel: ApiChannel): ApiChannel => ({ ...channel, secret: codec.open(channel.secret, secretContext.apiChannel) });
  const { channelConfigs, apiChannels, settings } = repos;
  return {
    ...repos,
    // No spread of the inner repositories: a method added to a port later must be decided on here
    // (does it carry a secret?), not slip through unsealed.
    channelConfigs: {
      list: async () => (await channelConfigs.list()).map(openConfig),
      get: async (kind) => {
        const config = await channelConfigs.get(kind);
        return config ? openConfig(config) : null;
      },
      upsert: async (kind, plain, now) => openConfig(await channelConfigs.upsert(kind, mapChannelSecrets(kind, plain, codec.seal), now)),
      setStatus: (kind, status, reason, now) => channelConfigs.setStatus(kind, status, reason, now),
    },
    apiChannels: {
      create: async (input, now) => openApiChannel(await apiChannels.create({ ...input, secret: codec.seal(input.secret, secretContext.apiChannel) }, now)),
      findById: async (id) => {
        const channel = await apiChannels.findById(id);
        return channel ? openApiChannel(channel) : null;
      },
      list: async () => (await apiChannels.list()).map(openApiChannel),
      update: async (id, patch, now) => {
        const sealedPatch = patch.secret === undefined ? patch : { ...patch, secret: codec.seal(patch.secret, secretContext.apiChannel) };
        const channel = await apiChannels.update(id, sealedPatch, now);
        return channel ? openApiChannel(channel) : null;
      },
      delete: (id) => apiChannels.delete(id),
    },
    settings: {
      get: async (key) => {
        const value = await settings.get(key);
        return value !== null && SEALED_SETTING_KEYS.includes(key) ? codec.open(value, secretContext.setting(key)) : value;
      },
      set: (key, value) => settings.set(key, SEALED_SETTING_KEYS.includes(key) ? codec.seal(value, secretContext.setting(key)) : value),
      setIfAbsent: async (key, value) => {
        const sealed = SEALED_SETTING_KEYS.includes(key);
        const stored = await settings.setIfAbsent(key, sealed ? codec.seal(value, secretContext.setting(key)) : value);
        return sealed ? codec.open(stored, secretContext.setting(key)) : stored;
      },
    },
  };
}

export function sealDatabase(db: Database, codec: SecretCodec): Database {
  // A transaction hands out the same repositories object each time (SQLite's one writer, a PostgreSQL
  // connection's): wrap each once, not on every transaction — ingest runs one per delivery.
  const sealedFor = new WeakMap<Repositories, Repositories>();
  const sealed = (tx: Repositories) => {
    let wrapped = sealedFor.get(tx);
    if (!wrapped) sealedFor.set(tx, (wrapped = sealRepositories(tx, codec)));
    return wrapped;
  };
  return {
    ...db,
    ...sealRepositories(db, codec),
    transaction: (work) => db.transaction((tx) => work(sealed(tx))),
    close: () => db.close(),
  };
}
