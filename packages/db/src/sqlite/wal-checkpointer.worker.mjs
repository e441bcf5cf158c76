// Runs in a worker thread (see wal-checkpointer.ts). Plain JavaScript: workers start without the tsx loader.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

const { path, everyMs } = workerData;
const db = new BetterSqlite3(path);
db.pragma('busy_timeout = 1000');
let timer = null;

function checkpoint() {
  try {
    // PASSIVE never waits for, nor blocks, the writer or readers: it copies what it can and stops.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type: 'checkpointed', frames: result?.log ?? 0, copied: result?.checkpointed ?? 0 });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error?.message ?? error) });
  }
  timer = setTimeout(checkpoint, everyMs);
}

parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearTimeout(timer);
  db.close();
  process.exit(0);
});
checkpoint();
