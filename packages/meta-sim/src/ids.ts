import { randomBytes, randomInt } from 'node:crypto';

/**
 * Id shapes that look like Meta's (§2.1, §3.1) so adapters that sniff prefixes or lengths behave as
 * they will in production. Random, so two sims or two test files never collide.
 */

/** wamid: `wamid.` + opaque base64 that embeds the user's number, like Meta's (§2.1). */
export function newWamid(waId = '0'): string {
  const number = Buffer.from(waId);
  const inner = Buffer.concat([Buffer.from([0x1c, 0x18, number.length]), number, Buffer.from([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]), randomBytes(12), Buffer.from([0])]);
  // For a 13-digit Indonesian number this starts `HBgN`, like Meta's own wamids.
  return `wamid.${inner.toString('base64')}`;
}

/** Instagram `mid`: long base64-like string starting `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj…` (§3.3.1). */
export function newIgMid(igId: string): string {
  const tail = Buffer.from(`${igId}:${randomBytes(18).toString('hex')}`).toString('base64url');
  return `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj${tail}`;
}

/** Media ids and story ids are numeric strings (§2.1). */
export function newNumericId(digits = 16): string {
  let id = String(randomInt(1, 10));
  while (id.length < digits) id += String(randomInt(0, 10));
  return id;
}

export function newFbTraceId(): string {
  return randomBytes(9).toString('base64url');
}

export function newUrlHash(): string {
  return `AT${randomBytes(12).toString('base64url')}`;
}
