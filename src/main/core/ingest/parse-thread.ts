/**
 * The import's parse worker: reads the file, parses and maps its rows and analyses their
 * text (enrich.ts preAnalyze), so the job thread's connection only writes and both cores
 * work. It parses a batch only with a credit from the pipeline (parse-source.ts), so at
 * most a few batches are in memory however large the file. Rows, counts and problems are
 * cut exactly as the in-thread path cuts them (batches.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readBatches } from './batches';
import { preAnalyze } from './enrich';
import type { FromParseWorker, ParseWorkerData, ToParseWorker } from './parse-protocol';
import { sendError } from './parse-protocol';
import { openImport } from './readers';

const port = parentPort;
if (!port) throw new Error('parse-thread runs only as a worker thread.');
const data = workerData as ParseWorkerData;
const send = (message: FromParseWorker): void => port.postMessage(message);

let credits = 0;
let waiting: (() => void) | null = null;
port.on('message', (message: ToParseWorker) => {
  if (message.t !== 'credit') return;
  credits++;
  waiting?.();
  waiting = null;
});
async function credit(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (waiting = resolve));
  credits--;
}

async function run(): Promise<void> {
  let reader;
  try {
    reader = await openImport(data.path, { format: data.format, timeZone: data.timeZone });
  } catch (error) {
    send({ t: 'error', batch: { rows: [], problems: [], failed: 0, skipped: 0, bytesRead: 0 }, error: sendError(error) });
    return;
  }
  send({ t: 'ready' });
  await credit();
  const events = readBatches(reader, { mapping: data.mapping, batchSize: data.batchSize, onProgress: (bytesRead) => send({ t: 'progress', bytesRead }) });
  for await (const event of events) {
    const items = event.batch.rows.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
    event.batch.pre = preAnalyze(items, data.taxonomy);
    if (event.t === 'error') {
      send({ t: 'error', batch: event.batch, error: sendError(event.error) });
      return;
    }
    send(event);
    if (event.t === 'end') return;
    await credit();
  }
}

void run().finally(() => port.close());
