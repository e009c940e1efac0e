import type { Worker } from 'node:worker_threads';
import { startEngineThread } from '../engine-thread';
import type { ParsedArticle } from './article';
import { PdfError, type PdfOptions } from './parse-pdf';

/** A PDF for the PDF thread to read. */
export interface PdfRequest {
  bytes: Uint8Array;
  fallbackTitle: string;
  timeoutMs: number;
}

/** The PDF thread's answer: the article, or why it could not be read (`expected`: a PdfError's reason). */
export type PdfReply =
  { ok: true; article: ParsedArticle } | { ok: false; reason: string; expected: boolean };

/** PDFs read at once: each on a thread of its own, so one that is stopped costs no other its time. */
const THREADS = 2;

interface Job {
  request: PdfRequest;
  resolve: (article: ParsedArticle) => void;
  reject: (error: Error) => void;
}

const idle: Worker[] = [];
const queue: Job[] = [];
let running = 0;

/** Reads the next queued PDF on an idle thread (or a new one) while fewer than THREADS are busy. */
function pump(): void {
  while (queue.length > 0 && running < THREADS) {
    const job = queue.shift()!;
    running++;
    run(idle.pop() ?? newWorker(), job);
  }
}

function newWorker(): Worker {
  const worker = startEngineThread('pdf-worker.js', 'ingest/pdf-worker.ts');
  // A thread that ends while idle is not handed another PDF.
  worker.on('exit', () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  return worker;
}

function run(worker: Worker, job: Job): void {
  worker.ref();
  let settled = false;
  const finish = (outcome: () => void, reusable: boolean) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    running--;
    if (reusable) {
      worker.unref();
      idle.push(worker);
    } else {
      void worker.terminate();
    }
    outcome();
    pump();
  };
  const { timeoutMs } = job.request;
  const timer = setTimeout(
    () =>
      finish(
        () =>
          job.reject(
            new PdfError(`took too long to read (over ${Math.round(timeoutMs / 1000)} s; damaged?)`),
          ),
        false,
      ),
    timeoutMs,
  );
  const onMessage = (reply: PdfReply) => {
    if (reply.ok) finish(() => job.resolve(reply.article), true);
    else if (reply.expected) finish(() => job.reject(new PdfError(reply.reason)), true);
    else finish(() => job.reject(new Error(reply.reason)), true);
  };
  const onError = (error: Error) =>
    finish(() => job.reject(new PdfError(`not a readable PDF (${error.message.slice(0, 120)})`)), false);
  const onExit = () =>
    finish(() => job.reject(new PdfError('not a readable PDF (its reader stopped)')), false);
  worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  worker.postMessage(job.request);
}

/**
 * Reads a PDF as `parsePdf` does, on a thread of its own: one that takes
 * longer than `timeoutMs` from when its thread starts on it (however hard
 * pdf.js is computing) fails with PdfError "took too long to read" and its
 * thread is ended. Idle threads are kept for the next PDFs and do not keep
 * the process alive.
 */
export function readPdfOffThread(
  bytes: Uint8Array,
  fallbackTitle: string,
  options: PdfOptions,
): Promise<ParsedArticle> {
  return new Promise<ParsedArticle>((resolve, reject) => {
    queue.push({
      request: { bytes, fallbackTitle, timeoutMs: options.timeoutMs },
      resolve,
      reject,
    });
    pump();
  });
}
