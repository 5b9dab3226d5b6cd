// A pool of worker threads preparing reports (prepare.ts) off the main thread, which is
// left with reading, hashing and writing. A worker that dies takes no file down with it
// unless that file killed it twice; a pool that cannot start says so (PoolUnavailable)
// and the caller prepares in its own thread.
import { Worker } from 'node:worker_threads';
import type { IndexedReport } from '../core/schema.js';
import type { PrepareJob } from './prepare.js';

/** The pool cannot take this job (no worker could start): prepare it in this thread. */
export class PoolUnavailable extends Error {}

/** Jobs handed to one worker at once: one running, one waiting, so no worker idles on a round trip. */
const IN_FLIGHT = 2;
/** A job whose worker died is tried once more on another worker, then fails. */
const ATTEMPTS = 2;
/**
 * The heap one worker may use. A file whose reading needs more (a decompression bomb, a
 * pathological PDF) ends that worker alone, with ERR_WORKER_OUT_OF_MEMORY: the process and
 * the other files go on. Generous, because a 100 MB PDF is a legitimate file.
 */
export const WORKER_HEAP_MB = 2048;

interface Task {
  id: number;
  job: PrepareJob;
  attempts: number;
  resolve: (doc: IndexedReport) => void;
  reject: (err: Error) => void;
}

interface Slot { worker: Worker; ready: boolean; tasks: Map<number, Task> }

type Reply = { ready: true; signature: string } | { id: number; doc: IndexedReport } | { id: number; error: string };

export class PreparePool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;
  /** Set once no worker could start: every job is refused from then on. */
  private broken = false;

  constructor(private readonly size: number, private readonly signature: string, private readonly heapMb = WORKER_HEAP_MB) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Some worker is loaded and taking jobs. */
  get usable(): boolean {
    if (this.broken) return false;
    for (const s of this.slots) if (s.ready) return true;
    return false;
  }

  run(job: PrepareJob): Promise<IndexedReport> {
    if (this.broken || this.closed) return Promise.reject(new PoolUnavailable('no ingest worker is running'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, attempts: 0, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.slots];
    this.slots.clear();
    for (const t of this.queue.splice(0)) t.reject(new PoolUnavailable('the ingest pool was closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): void {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    const slot: Slot = { worker, ready: false, tasks: new Map() };
    this.slots.add(slot);
    worker.on('message', (m: Reply) => {
      if ('ready' in m) {
        if (m.signature !== this.signature) { this.lose(slot, `the worker's segmenter is ${m.signature}`); return; }
        slot.ready = true;
        this.pump();
        return;
      }
      const task = slot.tasks.get(m.id);
      if (!task) return;
      slot.tasks.delete(m.id);
      if ('doc' in m) task.resolve(m.doc);
      else task.reject(new Error(m.error));
      this.pump();
    });
    worker.on('error', (err: Error & { code?: string }) =>
      this.lose(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory: reading it needs more than ${this.heapMb} MB` : err.message));
    worker.on('exit', (code) => this.lose(slot, `exit code ${code}`));
  }

  /** A worker died or could not start: its jobs go to another worker (or fail), and a new one takes its place. */
  private lose(slot: Slot, why: string): void {
    if (!this.slots.delete(slot)) return;
    void slot.worker.terminate();
    if (this.closed) return;
    const wasReady = slot.ready;
    for (const t of slot.tasks.values()) {
      // Two jobs share a worker: the one that did not kill it succeeds on its second try.
      if (++t.attempts >= ATTEMPTS) t.reject(new Error(`the ingest worker reading it stopped: ${why}`));
      else this.queue.unshift(t);
    }
    if (wasReady) this.spawn();
    else if (this.slots.size === 0) {
      // Not one worker could start: refuse, so that the caller prepares in its own thread.
      this.broken = true;
      for (const t of this.queue.splice(0)) t.reject(new PoolUnavailable(`ingest workers cannot start (${why})`));
      return;
    }
    this.pump();
  }

  private pump(): void {
    while (this.queue.length) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.ready && s.tasks.size < IN_FLIGHT && (!best || s.tasks.size < best.tasks.size)) best = s;
      if (!best) return;
      const task = this.queue.shift()!;
      best.tasks.set(task.id, task);
      best.worker.postMessage({ id: task.id, job: task.job });
    }
  }
}
