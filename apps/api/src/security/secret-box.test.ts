import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed, sealedKeyId } from './secret-box.ts';
import { generateSecretKey } from './secret-key.ts';

const box = createSecretBox(generateSecretKey());

describe('sealing secrets for storage', () => {
  it('opens what it sealed, and the envelope names its version and key but not the secret', () => {
    const sealed = box.seal('app-secret-1234', 'channel:whatsapp:appSecret');
    expect(sealed).toMatch(/^enc:v1:[0-9a-f]{16}:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain('app-secret-1234');
    expect(isSealed(sealed)).toBe(true);
    expect(sealedKeyId(sealed)).toBe(box.keyId);
    expect(box.open(sealed, 'channel:whatsapp:appSecret')).toBe('app-secret-1234');
  });

  it('uses a fresh IV each time: the same secret never seals to the same text', () => {
    const values = new Set(Array.from({ length: 50 }, () => box.seal('same', 'ctx')));
    expect(values.size).toBe(50);
  });

  it('a different key is named as such, not decrypted into garbage', () => {
    const other = createSecretBox(generateSecretKey());
    expect(other.keyId).not.toBe(box.keyId);
    expect(() => other.open(box.seal('s', 'ctx'), 'ctx')).toThrow(expect.objectContaining({ code: 'secrets.key_mismatch' }));
  });

  it('a tampered value, or one moved into another field, does not open', () => {
    const sealed = box.seal('token', 'channel:whatsapp:accessToken');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => box.open(parts.join(':'), 'channel:whatsapp:accessToken')).toThrow(expect.objectContaining({ code: 'secrets.unreadable' }));
    expect(() => box.open(sealed, 'channel:instagram:accessToken')).toThrow(expect.objectContaining({ code: 'secrets.unreadable' }));
    expect(() => box.open(sealed.split(':').slice(0, 5).join(':'), 'channel:whatsapp:accessToken')).toThrow(expect.objectContaining({ code: 'secrets.unreadable' }));
  });

  it('refuses plain text where a sealed value belongs', () => {
    expect(() => box.open('plain-secret', 'ctx')).toThrow(expect.objectContaining({ code: 'secrets.unreadable' }));
  });

  it('seals the empty string and unicode faithfully', () => {
    for (const plain of ['', 'rahasia-🔑-ñ', 'x'.repeat(5000)]) expect(box.open(box.seal(plain, 'c'), 'c')).toBe(plain);
  });
});
