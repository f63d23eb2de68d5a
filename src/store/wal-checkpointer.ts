/**
 * Checkpoints the SQLite write-ahead log from a worker thread.
 *
 * A checkpoint copies the log into the database file and waits for the disk
 * (fsync). Left to SQLite, it runs inside whichever commit crosses the
 * threshold, stalling that request and every request queued behind it.
 * A second connection in a worker does it in the background instead; the main
 * connection keeps a high automatic threshold only as a safety net.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
// A checkpoint copies pages through, it reads nothing twice: no page cache to speak of.
db.pragma('cache_size = -64');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (err) { parentPort.postMessage(String(err && err.message)); }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export class WalCheckpointer {
  private readonly worker: Worker;

  constructor(file: string, intervalMs = 250, onError: (message: string) => void = () => {}) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // A thread that runs one pragma needs a small heap, not the default worker's: RSS counts it (issue 13).
    const resourceLimits = { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 };
    this.worker = new Worker(WORKER, { eval: true, workerData: { file, driver, intervalMs }, resourceLimits });
    this.worker.on('message', onError);
    this.worker.on('error', (err) => onError(err.message));
    // It must never keep the process alive on its own.
    this.worker.unref();
  }

  async stop(): Promise<void> {
    // Keep the process alive until the worker has closed its connection.
    this.worker.ref();
    this.worker.postMessage('stop');
    await new Promise((resolve) => this.worker.once('exit', resolve));
  }
}
