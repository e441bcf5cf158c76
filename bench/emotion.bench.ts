/**
 * How fast the emotion reader is, since it runs on every inbound customer message inside the ingest
 * transaction: messages per second over the case table's real-sounding lines (short chat lines and a
 * long, angry paragraph), in this process. run.ts puts it beside the ingest run's CPU time per message.
 * Standalone: `npx tsx bench/emotion.bench.ts`.
 */
import { emotionCases, readEmotion } from '@keluh/core';

export interface EmotionFigures {
  messagesPerSecond: number;
  microsPerMessage: number;
  /** Share of one ingested message's server CPU time, when the ingest figure is known. */
  shareOfIngest: number | null;
}

const RUN_MS = 1500;

export function emotionFigures(ingestCpuMicrosPerMessage: number | null = null): EmotionFigures {
  const lines = emotionCases.map((line) => line.text);
  // Customers also paste paragraphs: one long line keeps the figure honest about message length.
  lines.push(lines.slice(30, 50).join(' '));
  let checksum = 0;
  const pass = () => {
    for (const line of lines) checksum += readEmotion(line).anger;
  };
  for (let warm = 0; warm < 200; warm++) pass();
  let messages = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(RUN_MS) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    pass();
    messages += lines.length;
  }
  const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Keeps the reading from being optimised away.
  if (checksum < 0) throw new Error('unreachable');
  const microsPerMessage = (elapsedSeconds * 1e6) / messages;
  return {
    messagesPerSecond: messages / elapsedSeconds,
    microsPerMessage,
    shareOfIngest: ingestCpuMicrosPerMessage ? microsPerMessage / ingestCpuMicrosPerMessage : null,
  };
}

export function printEmotion(figures: EmotionFigures): void {
  const share = figures.shareOfIngest === null ? '' : `  = ${(figures.shareOfIngest * 100).toFixed(1)} % of an ingested message's server CPU`;
  console.log(`  emotion   readEmotion, in process              ${`${Math.round(figures.messagesPerSecond).toLocaleString('en-US')} msg/s`.padStart(14)}  ${figures.microsPerMessage.toFixed(2)} µs/message${share}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printEmotion(emotionFigures());
