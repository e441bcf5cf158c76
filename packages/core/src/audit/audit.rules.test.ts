import { describe, expect, it } from 'vitest';
import { AUDIT_REDACTED, changesOf, redactSecrets } from './audit.rules.ts';
import { channelSettingsAudits } from './channel-audit.rules.ts';

describe('what the audit log may hold', () => {
  it('a value under a secret-looking name is replaced wherever it sits, and everything else is kept', () => {
    const data = { name: 'Tokopedia', secret: 'k-123', nested: [{ accessToken: 'EAAG', phoneNumberId: '42' }], settings: { appSecret: 's', password: 'p', apiKey: 'a' } };
    expect(redactSecrets(data)).toEqual({
      name: 'Tokopedia',
      secret: AUDIT_REDACTED,
      nested: [{ accessToken: AUDIT_REDACTED, phoneNumberId: '42' }],
      settings: { appSecret: AUDIT_REDACTED, password: AUDIT_REDACTED, apiKey: AUDIT_REDACTED },
    });
  });

  it('a channel save names the settings and credentials that changed, and a credential change on a connected channel is a rotation', () => {
    const before = { accessToken: 'old', phoneNumberId: '1', graphVersion: 'v22.0' };
    const after = { accessToken: 'new', phoneNumberId: '1', graphVersion: 'v23.0' };
    const records = channelSettingsAudits('channel:whatsapp', before, after, ['accessToken', 'appSecret'], 7);
    expect(records).toEqual([
      { action: 'channel.configured', actorUserId: 7, target: 'channel:whatsapp', data: { created: false, changed: ['graphVersion'], credentialsChanged: ['accessToken'] } },
      { action: 'secret.rotated', actorUserId: 7, target: 'channel:whatsapp', data: { keys: ['accessToken'] } },
    ]);
    expect(JSON.stringify(records)).not.toMatch(/old|new/);
    expect(channelSettingsAudits('channel:whatsapp', undefined, after, ['accessToken'], 7).map((r) => r.action)).toEqual(['channel.configured']);
  });

  it('only the fields that moved are listed as changes', () => {
    expect(changesOf({ a: 1, b: 'x', c: [1] }, { a: 1, b: 'y', c: [1] }, ['a', 'b', 'c'])).toEqual({ b: { from: 'x', to: 'y' } });
  });
});
