import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiChannelSignature, generateApiChannelSecret, isValidApiChannelSignature } from './api-channel.signature.ts';

const secret = 'integration-secret';
const body = Buffer.from('{"messages":[{"idempotencyKey":"a","sender":{"id":"1"},"text":"Halo — é"}]}');
const hex = createHmac('sha256', secret).update(body).digest('hex');

describe('API channel signatures', () => {
  it('is sha256=<hex HMAC-SHA256 of the raw body>', () => {
    expect(apiChannelSignature(body, secret)).toBe(`sha256=${hex}`);
    expect(isValidApiChannelSignature(body, `sha256=${hex}`, secret)).toBe(true);
  });

  it('accepts upper-case hex, as some platforms print it', () => {
    expect(isValidApiChannelSignature(body, `sha256=${hex.toUpperCase()}`, secret)).toBe(true);
  });

  it.each([
    ['a missing header', undefined],
    ['a header without the scheme', hex],
    ['a truncated digest', `sha256=${hex.slice(0, 63)}`],
    ['another secret', apiChannelSignature(body, 'other-secret')],
    ['a signature of other bytes', apiChannelSignature(Buffer.concat([body, Buffer.from(' ')]), secret)],
    ['several headers', [`sha256=${hex}`, `sha256=${hex}`]],
  ])('refuses %s', (_label, header) => {
    expect(isValidApiChannelSignature(body, header, secret)).toBe(false);
  });

  it('never accepts anything when the secret is empty', () => {
    expect(isValidApiChannelSignature(body, apiChannelSignature(body, ''), '')).toBe(false);
  });

  it('generates 32-byte URL-safe secrets, different every time', () => {
    const [a, b] = [generateApiChannelSecret(), generateApiChannelSecret()];
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });
});
