import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentFormatValue } from '../../../../common/document-values';
import { type ExtractedText, ExtractionError } from './extract-text';

/** Longest one file may take to extract before its worker is killed. */
export const EXTRACTION_TIMEOUT_MS = 30_000;
/** A worker idle this long is stopped, giving its memory back. */
const IDLE_MS = 60_000;
/** Heap of the worker: a pathological file fails with out-of-memory there, not in the server. */
const WORKER_HEAP_MB = 512;
const STARTUP_TIMEOUT_MS = 60_000;

/** tsx's ESM register API (its CommonJS build cannot register ESM hooks in a worker). */
const TSX_ESM_API = pathToFileURL(
  path.join(
    path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
    'dist/esm/api/index.mjs',
  ),
).href;

/** Worker threads do not inherit tsx's loader: register it, then load the TypeScript worker. */
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`;

type Answer =
  | { id: number; ok: true; result: ExtractedText }
  | { id: number; ok: false; code: ExtractionError['code']; message: string };

/**
 * Runs text extraction in a worker thread, one file at a time, each with a time bound: a
 * pathological PDF or archive can neither block the event loop nor run forever. On timeout or
 * crash the worker is terminated and a fresh one starts for the next file.
 */
export class Extractor {
  private worker: Promise<Worker> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  extract(
    format: DocumentFormatValue,
    bytes: Uint8Array,
    timeoutMs = EXTRACTION_TIMEOUT_MS,
  ): Promise<ExtractedText> {
    const run = this.queue.then(() => this.runOne(format, bytes, timeoutMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the worker now (tests, shutdown); the next extract starts another. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker.catch(() => undefined))?.terminate();
  }

  private start(): Promise<Worker> {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: {
        tsx: TSX_ESM_API,
        entry: new URL('./extract-worker.ts', import.meta.url).href,
      },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    // An idle worker must not keep the process alive.
    worker.unref();
    return new Promise<Worker>((resolve, reject) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new ExtractionError('extraction_crashed', 'The text extractor did not start.'));
      }, STARTUP_TIMEOUT_MS);
      worker.once('message', () => {
        clearTimeout(timer);
        resolve(worker);
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  private async runOne(
    format: DocumentFormatValue,
    bytes: Uint8Array,
    timeoutMs: number,
  ): Promise<ExtractedText> {
    clearTimeout(this.idleTimer);
    this.worker ??= this.start();
    let worker: Worker;
    try {
      worker = await this.worker;
    } catch (err) {
      this.worker = undefined;
      throw err;
    }
    const id = this.nextId++;
    try {
      return await new Promise<ExtractedText>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        const fail = (error: ExtractionError) => {
          done();
          this.worker = undefined;
          void worker.terminate();
          reject(error);
        };
        const timer = setTimeout(
          () =>
            fail(
              new ExtractionError(
                'extraction_timeout',
                `Reading the document took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`,
              ),
            ),
          timeoutMs,
        );
        const onMessage = (answer: Answer) => {
          if (answer.id !== id) return;
          done();
          if (answer.ok) resolve(answer.result);
          else reject(new ExtractionError(answer.code, answer.message));
        };
        const onError = (err: Error) =>
          fail(
            new ExtractionError(
              'extraction_crashed',
              (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? 'Reading the document needed too much memory and was stopped.'
                : 'The text extractor failed on this document.',
            ),
          );
        const onExit = () =>
          fail(
            new ExtractionError('extraction_crashed', 'The text extractor stopped unexpectedly.'),
          );
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        // A copy: the caller keeps its buffer (transferring would detach it).
        worker.postMessage({ id, format, bytes: new Uint8Array(bytes) });
      });
    } finally {
      this.idleTimer = setTimeout(() => void this.close(), IDLE_MS);
      this.idleTimer.unref();
    }
  }
}

/** The process's extractor: one worker, so only one pdfjs-based reader per process. */
export const extractor = new Extractor();
