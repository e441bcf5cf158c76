import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '@keluh/core';

/**
 * Seals secrets for storage: AES-256-GCM with a fresh 96-bit IV per value, in a versioned envelope that
 * names the key it was sealed with:
 *
 *   enc:v1:<key id>:<iv>:<ciphertext>:<tag>        (base64url parts)
 *
 * The key id lets a start with the wrong SECRET_KEY say so plainly instead of failing on the tag (or, with
 * a weaker scheme, handing garbage to a channel). The header and the value's context (which field it is)
 * are authenticated too, so a sealed value copied into another field does not open there.
 */
export interface SecretBox {
  readonly keyId: string;
  seal(plain: string, context: string): string;
  /** Throws secrets.key_mismatch (sealed with another key) or secrets.unreadable (damaged, or not sealed). */
  open(sealed: string, context: string): string;
}

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** True for anything in the envelope format, whichever key sealed it. */
export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** The id of the key a sealed value names, or null when the value is not sealed. */
export function sealedKeyId(value: string): string | null {
  return isSealed(value) ? (value.slice(PREFIX.length).split(':')[0] ?? null) : null;
}

/** A short public fingerprint of the key: safe to print and store, useless for recovering the key. */
export function keyIdOf(key: Uint8Array): string {
  return createHash('sha256').update('keluh-secret-key-id\0').update(key).digest('hex').slice(0, 16);
}

export function createSecretBox(key: Uint8Array): SecretBox {
  if (key.length !== 32) throw new Error('SECRET_KEY must be 32 bytes for AES-256-GCM');
  const keyBytes = Buffer.from(key);
  const keyId = keyIdOf(keyBytes);
  const header = `${PREFIX}${keyId}:`;
  const aad = (context: string) => Buffer.from(`${header}${context}`, 'utf8');

  return {
    keyId,
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyBytes, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${header}${[iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url')).join(':')}`;
    },
    open(sealed, context) {
      if (!isSealed(sealed)) throw new AppError('secrets.unreadable', `The stored ${context} is not sealed`, { context });
      const [sealedWith, iv, body, tag, ...rest] = sealed.slice(PREFIX.length).split(':');
      if (sealedWith !== keyId) {
        throw new AppError('secrets.key_mismatch', `The stored ${context} was sealed with key ${sealedWith}, not with this SECRET_KEY (${keyId})`, {
          context,
          sealedWith,
          keyId,
        });
      }
      if (iv === undefined || body === undefined || tag === undefined || rest.length > 0) {
        throw new AppError('secrets.unreadable', `The stored ${context} is not a complete sealed value`, { context });
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyBytes, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
        decipher.setAAD(aad(context));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new AppError('secrets.unreadable', `The stored ${context} does not authenticate (damaged or moved)`, { context });
      }
    },
  };
}
