import { describeRefusal, type OutboundRefusal } from './url.rules.ts';

/** A request the outbound guard would not make: the address, scheme or host is off limits. */
export class OutboundBlockedError extends Error {
  readonly refusal: OutboundRefusal;
  constructor(refusal: OutboundRefusal) {
    super(describeRefusal(refusal));
    this.name = 'OutboundBlockedError';
    this.refusal = refusal;
  }
}

export type OutboundLimit = 'too_large' | 'timeout' | 'redirects';

/** A request that was cut off: too many bytes, too slow, or redirected too often. */
export class OutboundLimitError extends Error {
  readonly limit: OutboundLimit;
  constructor(limit: OutboundLimit, message: string) {
    super(message);
    this.name = 'OutboundLimitError';
    this.limit = limit;
  }
}

/** fetch wraps transport failures (`TypeError: fetch failed`, cause …): find ours anywhere in the chain. */
export function outboundErrorIn(error: unknown): OutboundBlockedError | OutboundLimitError | null {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof OutboundBlockedError || current instanceof OutboundLimitError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
