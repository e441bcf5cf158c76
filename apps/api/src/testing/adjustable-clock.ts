import type { Clock } from '@keluh/core';

/** Real time plus an offset tests can move forward, in step with meta-sim's own clock. */
export function adjustableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset).toISOString(),
    advance: (ms) => {
      offset += ms;
    },
  };
}
