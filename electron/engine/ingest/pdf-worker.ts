import { parentPort } from 'node:worker_threads';
import { parsePdf, PdfError } from './parse-pdf';
import type { PdfReply, PdfRequest } from './pdf-thread';

// The entry point of the PDF thread: reads one PDF at a time with pdf.js, so
// that a file which keeps pdf.js busy (a loop in a damaged file, a vast page)
// can be stopped by ending the thread, which no timer in pdf.js's own thread
// could do while it computes.
const port = parentPort;
if (!port) throw new Error('the PDF reader must run in a worker thread');

port.on('message', (request: PdfRequest) => {
  const reply = (message: PdfReply) => port.postMessage(message);
  parsePdf(request.bytes, request.fallbackTitle, { timeoutMs: request.timeoutMs }).then(
    (article) => reply({ ok: true, article }),
    (error: unknown) =>
      reply({
        ok: false,
        reason: error instanceof Error ? error.message : String(error),
        expected: error instanceof PdfError,
      }),
  );
});
