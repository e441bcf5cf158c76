import type { ChaosReport } from './chaos-run.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (value: number) => value.toLocaleString('en-US');

/** What a run verified, in lines a person reads: the test prints it on failure, `npm run chaos` always. */
export function describeChaos(report: ChaosReport): string[] {
  const engine = report.engine === 'postgres' ? 'PostgreSQL' : 'SQLite';
  const lines = [
    `${engine}, ${report.processes} API process${report.processes > 1 ? 'es' : ''}: ${count(report.messages)} messages from ${count(report.customers)} customers in ${count(report.deliveries)} POSTs (duplicates included, shuffled, batched)`,
    `  Meta made ${count(report.attempts)} POST attempts; ${count(report.failedAttempts)} were not answered 200 and were retried (${Object.entries(report.failures).map(([why, n]) => `${why} ×${n}`).join(', ') || 'none'})`,
    ...report.kills.map((kill, index) => `  kill -9 #${index + 1}: node ${kill.nodes.join(' + ')} at ${seconds(kill.atMs)}, during ${kill.during}${kill.reply ? ` (“${kill.reply}”)` : ''}; back after ${seconds(kill.restartedInMs)}`),
    `  stored ${count(report.inboundStored)} of ${count(report.messages)} messages`,
    `  replies: ${count(report.replies.attempted)} POSTed, ${count(report.replies.queued)} answered 201, ${count(report.replies.unanswered)} cut off by a kill; ${count(report.replies.stored)} stored, ${count(report.replies.sent)} sent exactly once`,
    `  time: ${seconds(report.timings.totalMs)} in all (traffic ${seconds(report.timings.trafficMs)}, outbox drain ${seconds(report.timings.drainMs)})`,
  ];
  if (report.errorLogs.length > 0) lines.push(`  errors the processes logged (first ${report.errorLogs.length}):`, ...report.errorLogs.map((line) => `    ${line.slice(0, 400)}`));
  if (report.problems.length === 0) {
    lines.push(
      '  verified: every message stored exactly once (one row, one message.created event, one ticket per customer);',
      '            every stored reply sent exactly once, carrying the id Meta gave it; nothing sent that was not stored; outbox empty',
    );
  }
  else lines.push(`  ${report.problems.length} PROBLEM${report.problems.length > 1 ? 'S' : ''}:`, ...report.problems.map((problem) => `    - ${problem}`));
  return lines;
}
