/**
 * Run as a child process with SQLITE_TMPDIR and TMPDIR naming a folder to watch (SQLite
 * reads them once, when the library starts, so they must be set before this process
 * loads it). Makes an encrypted store whose every item carries a canary word, then runs
 * a big update in one transaction, a sort no index serves and a VACUUM, while a second
 * thread reads every file this process holds open in that folder: SQLite unlinks its
 * temporary files right after opening them, so only /proc/self/fd still reaches them.
 *
 * argv: dataDir canary [temp_store value to force after opening, for the control run]
 * stdout: JSON { seen: [{ name, maxSize, canary }], temp_store }
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { contentHash } from '../../src/main/core/ingest/content-hash';
import type { NewFeedback } from '../../src/main/core/ingest/types';
import { updateFeedback } from '../../src/main/core/store/feedback-update';
import { insertFeedbackBatch } from '../../src/main/core/store/feedback-write';
import { migrate } from '../../src/main/core/store/migrate';
import { migrations } from '../../src/main/core/store/migrations';
import { openEncrypted } from '../../src/main/core/store/open';

const [dataDir, canary, forcedTempStore] = process.argv.slice(2) as [string, string, string | undefined];
const watchDir = process.env.SQLITE_TMPDIR!;
const ITEMS = 8000;

const watcherSource = `
const { readdirSync, readlinkSync, readFileSync, statSync } = require('node:fs');
const { workerData, parentPort } = require('node:worker_threads');
const { dir, canary, flag } = workerData;
const stop = new Int32Array(flag);
const needle = Buffer.from(canary);
const seen = new Map();
for (;;) {
  const last = Atomics.load(stop, 0) === 1;
  let fds = [];
  try { fds = readdirSync('/proc/self/fd'); } catch {}
  for (const fd of fds) {
    const link = '/proc/self/fd/' + fd;
    let target;
    try { target = readlinkSync(link); } catch { continue; }
    if (!target.startsWith(dir + '/')) continue;
    const name = target.slice(dir.length + 1).replace(/ \\(deleted\\)$/, '');
    const entry = seen.get(name) ?? { name, maxSize: 0, canary: false, readSize: -1 };
    seen.set(name, entry);
    let size;
    try { size = statSync(link).size; } catch { continue; }
    entry.maxSize = Math.max(entry.maxSize, size);
    if (entry.canary || size === entry.readSize) continue;
    try {
      const bytes = readFileSync(link);
      entry.readSize = bytes.length;
      if (bytes.includes(needle)) entry.canary = true;
    } catch {}
  }
  if (last) break;
  Atomics.wait(stop, 0, 0, 2);
}
parentPort.postMessage([...seen.values()].map(({ name, maxSize, canary }) => ({ name, maxSize, canary })));
`;

function item(n: number): NewFeedback {
  const body = `Order ${n}: ${canary} ${'the parcel never arrived and nobody answers my messages. '.repeat(6)}${randomBytes(8).toString('hex')}`;
  const receivedAt = 1_700_000_000_000 + n * 1000;
  return {
    source: 'test',
    externalId: `ext-${n}`,
    contentHash: contentHash({ customer: `c${n}@example.com`, at: receivedAt, body }),
    channel: 'email',
    customer: { name: `Customer ${n}`, email: `c${n}@example.com`, tier: 'standard', language: 'en' },
    subject: `${canary} subject ${n}`,
    body,
    product: null,
    language: 'en',
    status: 'open',
    sentiment: null,
    sentimentSource: null,
    rating: null,
    receivedAt,
    unread: true,
    tags: [],
    messages: [{ direction: 'in', author: `Customer ${n}`, body, sentAt: receivedAt }],
  };
}

const flag = new SharedArrayBuffer(4);
const watcher = new Worker(watcherSource, { eval: true, workerData: { dir: watchDir, canary, flag } });
const report = new Promise<unknown>((resolve) => watcher.once('message', resolve));

const db = openEncrypted(join(dataDir, 'hearken.db'), { keyHex: randomBytes(32).toString('hex'), create: true });
migrate(db, migrations);
if (forcedTempStore) db.pragma(`temp_store = ${forcedTempStore}`);
const tempStore = db.pragma('temp_store', { simple: true }) as number;
// A sort goes to temporary files only once it outgrows the page cache: a 1 MB cache makes
// these few MB spill the way 100 MB do with the store's real 64 MB cache.
db.pragma('cache_size = -1024');

const now = Date.now();
for (let start = 0; start < ITEMS; start += 1000) {
  insertFeedbackBatch(db, Array.from({ length: 1000 }, (_, i) => item(start + i)), now);
}
const ids = (db.prepare('SELECT id FROM feedback ORDER BY received_at LIMIT 3000').all() as { id: string }[]).map((r) => r.id);
updateFeedback(db, ids, { status: 'pending', addTags: ['checked'] }, now);
let rows = 0;
for (const _row of db.prepare('SELECT id, body FROM feedback ORDER BY substr(body, 9) DESC, length(subject)').iterate()) rows++;
db.exec('VACUUM');
db.close();

Atomics.store(new Int32Array(flag), 0, 1);
const seen = await report;
await watcher.terminate();
process.stdout.write(JSON.stringify({ seen, tempStore, rows }));
