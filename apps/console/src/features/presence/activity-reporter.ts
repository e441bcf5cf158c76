import type { PRESENCE_ACTIVITY_THROTTLE_MS as ContractThrottle } from '@keluh/contracts';

// Typed as the contract's literal (importing the value would pull zod into the bundle, see agent-socket.ts).
export const ACTIVITY_THROTTLE_MS: typeof ContractThrottle = 30_000;

/** What counts as the person being at the console: typing, clicking, coming back to the tab. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'focus', 'visibilitychange'] as const;

/**
 * Reports activity at most once per throttle window, leading edge: the first move after a quiet spell
 * goes out at once, so an agent shown away for idleness is back online as they start typing.
 */
export function startActivityReporter(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, report: () => void, now: () => number = Date.now): () => void {
  let last = -Infinity;
  const onActivity = (event: Event) => {
    if (event.type === 'visibilitychange' && globalThis.document?.visibilityState === 'hidden') return;
    if (now() - last < ACTIVITY_THROTTLE_MS) return;
    last = now();
    report();
  };
  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, onActivity, { passive: true });
  return () => {
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, onActivity);
  };
}
