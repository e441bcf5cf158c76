import { AppError, type Clock, type RateLimiter, type RateRule } from '@keluh/core';
import type { Config } from '../config/config.ts';
import { addressKey } from '../security/client-address.ts';

type Rate = { limit: number; windowMs: number };

export interface WidgetRateLimits {
  /** Before a visitor's message is stored: per visitor and per address. */
  message(visitorId: string, address: string): Promise<void>;
  /**
   * Before a session is started or refreshed: per address, and per session (or pre-session visitor)
   * the presented credential names. Counted before the credential is checked, so guessing costs too.
   */
  session(address: string, credentialKey: string | null): Promise<void>;
}

/**
 * Which widget actions are limited, and by what. The counters sit behind the RateLimiter port; a burst
 * is refused with `rate_limited` and how long to wait, and nothing of the refused action is stored.
 */
export function createWidgetRateLimits(limiter: RateLimiter, config: Config, clock: Clock): WidgetRateLimits {
  const rule = (key: string, rate: Rate): RateRule => ({ key, ...rate });

  async function enforce(rules: RateRule[], what: string): Promise<void> {
    const decision = await limiter.consume(rules, Date.parse(clock.now()));
    if (decision.allowed) return;
    const scope = decision.key.split(':')[1];
    throw new AppError('rate_limited', `Too many ${what}; try again in ${Math.ceil(decision.retryAfterMs / 1000)} s`, {
      retryAfterMs: decision.retryAfterMs,
      scope,
    });
  }

  return {
    message: (visitorId, address) =>
      enforce(
        [rule(`widget.message:visitor:${visitorId}`, config.WIDGET_MESSAGE_RATE), rule(`widget.message:address:${addressKey(address)}`, config.WIDGET_MESSAGE_IP_RATE)],
        'messages',
      ),
    session: (address, credentialKey) =>
      enforce(
        [
          rule(`widget.session:address:${addressKey(address)}`, config.WIDGET_SESSION_IP_RATE),
          ...(credentialKey ? [rule(`widget.session:visitor:${credentialKey}`, config.WIDGET_SESSION_RATE)] : []),
        ],
        'session requests',
      ),
  };
}
