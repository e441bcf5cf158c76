import type fc from 'fast-check';

/**
 * Fixed seeds, so a failure found here is found again on every run and on every machine. fast-check
 * prints the seed and path of a failing case; FUZZ_SEED=<seed> FUZZ_PATH=<path> with `-t <test title>`
 * replays exactly that case. FUZZ_RUNS multiplies the runs, for a longer search on a quiet machine.
 */
const BASE_SEED = 20_260_701;
const scale = Number(process.env.FUZZ_RUNS ?? 1);

/** Each property's test timeout: a minute at the default runs, longer in proportion to FUZZ_RUNS. */
export const FUZZ_TEST_TIMEOUT = 60_000 * Math.max(1, scale);

/** `stream` gives each property its own seed, so two properties over the same routes do not draw the same cases. */
export function fuzzParameters<T>(numRuns: number, stream: number): fc.Parameters<T> {
  return {
    seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : BASE_SEED + stream,
    numRuns: Math.max(1, Math.round(numRuns * scale)),
    // Shrinking replays cases against the live server; bounded, so a failure is reported within the test's time.
    interruptAfterTimeLimit: 40_000 * Math.max(1, scale),
    markInterruptAsFailure: false,
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
  };
}
