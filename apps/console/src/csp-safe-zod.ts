import { config } from 'zod';

/*
 * Imported first by main.ts, before @keluh/contracts defines its schemas. zod builds fast parsers with
 * `new Function` when it may, and finds out by trying: under the console's CSP (no 'unsafe-eval') that
 * probe is blocked and reported as a violation. Interpreted parsing is plenty for the console.
 */
config({ jitless: true });
