/**
 * Bounces (delivery-failure notices) in an e-mail import are neither feedback nor a fault
 * of the file: through the core's channels on a real encrypted store they are skipped,
 * counted (read = imported + duplicates + failed + skipped) and listed with their reason,
 * in the report, the stored report after a restart and its CSV; nothing of them is stored.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HostCore } from '../../src/main/core';
import { NoSecretStore } from '../../src/main/core/secrets';
import type { EventPayload, ImportReport } from '../../src/shared/contract';
import { makeTempCore, type TempCore } from '../support/core';
import { grantOf } from '../helpers/grants';
import { call } from '../helpers/results';

const files = mkdtempSync(join(tmpdir(), 'hearken-bounces-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));
const open: TempCore[] = [];
afterEach(async () => {
  for (const temp of open.splice(0)) await temp.cleanup();
});

const PASSPHRASE = 'bounce tests passphrase';
const reportPath = join(files, 'report.csv');

async function core(): Promise<TempCore> {
  const temp = await makeTempCore({
    secrets: new NoSecretStore(),
    core: {
      importBatchSize: 2,
      dialogs: {
        chooseImportFiles: () => Promise.resolve([]),
        chooseSavePath: () => Promise.resolve(reportPath),
        chooseOpenFile: () => Promise.resolve(null),
      },
    },
  });
  open.push(temp);
  await call(temp.core, 'store.create', { passphrase: PASSPHRASE });
  return temp;
}

async function importFile(c: HostCore, path: string): Promise<ImportReport> {
  let done: (() => void) | null = null;
  const finished = new Set<string>();
  const stop = c.onEvent((name, payload) => {
    const p = payload as EventPayload<'import.progress'>;
    if (name === 'import.progress' && p.state !== 'running') {
      finished.add(p.importId);
      done?.();
    }
  });
  try {
    const { importId } = await call(c, 'import.start', { grant: await grantOf(c, path) });
    while (!finished.has(importId)) await new Promise<void>((resolve) => (done = resolve));
    return await call(c, 'import.report', { importId });
  } finally {
    stop();
  }
}

const mail = (headers: string[], body: string): string => `From x@example.com Mon Mar  4 10:00:00 2024\n${headers.join('\n')}\n\n${body}\n\n`;

describe('bounces in an e-mail import', () => {
  it('are skipped, counted and listed with their reason, also in the stored report and its CSV; the rest imports', async () => {
    const file = join(files, 'with-bounces.mbox');
    writeFileSync(
      file,
      mail(['From: Ann <ann@example.com>', 'To: support@acme.test', 'Subject: Refund', 'Date: Mon, 4 Mar 2024 09:00:00 +0000', 'Message-ID: <a1@example.com>'], 'Please refund order 42.') +
        mail(
          [
            'From: Mail Delivery System <MAILER-DAEMON@mx.acme.test>',
            'To: support@acme.test',
            'Subject: Undelivered Mail Returned to Sender',
            'Date: Mon, 4 Mar 2024 09:05:00 +0000',
            'MIME-Version: 1.0',
            'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
          ],
          '--r\nContent-Type: text/plain\n\nThe mail to bob@example.org about the secret refund could not be delivered.\n--r--',
        ) +
        mail(['From: Support <support@acme.test>', 'To: Ann <ann@example.com>', 'Subject: Re: Refund', 'Date: Mon, 4 Mar 2024 09:10:00 +0000', 'Message-ID: <a2@acme.test>', 'In-Reply-To: <a1@example.com>'], 'Refunded.') +
        mail(['From: postmaster@example.net', 'To: support@acme.test', 'Subject: Delivery Status Notification (Failure)', 'Date: Mon, 4 Mar 2024 09:15:00 +0000'], 'Address not found.'),
    );
    const temp = await core();
    const report = await importFile(temp.core, file);
    expect(report).toMatchObject({ state: 'done', counts: { read: 4, imported: 2, duplicates: 0, failed: 0, skipped: 2 } });
    const reason = 'delivery failure notice (bounce), not customer feedback';
    expect(report.problems).toEqual([
      { line: 10, kind: 'skipped', reason },
      { line: 34, kind: 'skipped', reason },
    ]);
    expect(report.problemsTotal).toBe(2);
    const list = await call(temp.core, 'feedback.list', {});
    expect(list.items.map((i) => [i.subject, i.messageCount])).toEqual([['Refund', 2]]);

    // After a restart the stored report still says so, and its CSV too.
    const reopened = await temp.reopen();
    await call(reopened, 'store.unlock', { method: 'passphrase', passphrase: PASSPHRASE });
    const stored = await call(reopened, 'import.report', { importId: report.importId });
    expect(stored.counts).toEqual({ read: 4, imported: 2, duplicates: 0, failed: 0, skipped: 2 });
    await call(reopened, 'import.exportReport', { importId: report.importId });
    const csv = readFileSync(reportPath, 'utf8').split('\r\n');
    expect(csv.slice(0, 2)).toEqual(['file,format,state,read,imported,duplicates,failed,skipped,problems,problems_listed,error', 'with-bounces.mbox,mbox,done,4,2,0,0,2,2,2,']);
    expect(csv).toContain(`10,skipped,"${reason}"`);
    expect(csv.join('\n')).not.toMatch(/secret|bob@example\.org/);

    // A re-import: the messages are duplicates, the bounces skipped again.
    expect((await importFile(reopened, file)).counts).toEqual({ read: 4, imported: 0, duplicates: 2, failed: 0, skipped: 2 });
  });
});
