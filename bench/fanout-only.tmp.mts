import { fanoutFigures } from '/work/wt/data/bench/fanout.section.ts';
import { BENCH_ADMIN, startKeluh } from '/work/wt/data/bench/support/processes.ts';
import { BENCH_WHATSAPP } from '/work/wt/data/bench/support/whatsapp-webhooks.ts';
const k = await startKeluh(3390, { env: { ...BENCH_WHATSAPP } });
const token = ((await (await fetch(`${k.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) })).json()) as { token: string }).token;
const t0 = process.cpuUsage();
console.log(JSON.stringify(await fanoutFigures(k.url, token)));
const u = process.cpuUsage(t0); console.log('bench cpu ms', Math.round((u.user + u.system) / 1000));
await k.stop();
