/** A loopback port nobody listens on right now (the kernel picks it). */
export function freePort(): Promise<number>;
