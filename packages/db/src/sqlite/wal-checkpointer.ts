import { Worker } from 'node:worker_threads';

export interface WalCheckpointer {
  /** Resolves with the WAL's frame count after the next checkpoint (tests, diagnostics). */
  nextCheckpoint(): Promise<{ frames: number; copied: number }>;
  stop(): Promise<void>;
}

/**
 * Checkpoints the WAL from a worker thread. SQLite's automatic checkpoint runs inside whichever COMMIT
 * crosses the threshold: that commit copies the WAL into the database file and fsyncs it, on the event
 * loop, while every request waits — under ingest load it was the p99. Here the copy and the fsync happen
 * on another thread with its own connection, as PASSIVE checkpoints that never block the writer; the
 * writer keeps a far larger automatic threshold only as a safety net should this thread fall behind.
 */
export function startWalCheckpointer(path: string, everyMs = 250): WalCheckpointer {
  const worker = new Worker(new URL('./wal-checkpointer.worker.mjs', import.meta.url), { workerData: { path, everyMs } });
  worker.unref();
  const waiting: ((result: { frames: number; copied: number }) => void)[] = [];
  worker.on('message', (message: { type: string; frames?: number; copied?: number; message?: string }) => {
    if (message.type === 'checkpointed') waiting.splice(0).forEach((resolve) => resolve({ frames: message.frames ?? 0, copied: message.copied ?? 0 }));
  });
  // A failing checkpointer must not take the server down; the writer's own threshold still bounds the WAL.
  worker.on('error', () => undefined);
  return {
    nextCheckpoint: () => new Promise((resolve) => waiting.push(resolve)),
    stop: () =>
      new Promise((resolve) => {
        if (worker.threadId === -1) return resolve();
        worker.once('exit', () => resolve());
        // Held open until it has gone (an unref'd worker would let a closing process exit mid-wait);
        // it closes its connection and exits, letting a checkpoint in progress finish first.
        worker.ref();
        worker.postMessage('stop');
      }),
  };
}
