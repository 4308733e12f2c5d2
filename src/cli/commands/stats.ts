import { printJson } from '../output';
import type { CliSession } from '../session';

export async function stats(session: CliSession, opts: { json?: boolean }): Promise<void> {
  await session.unlock();
  const result = await session.call('feedback.stats', {});
  if (opts.json) {
    printJson(result);
    return;
  }
  const block = (title: string, counts: Record<string, number>): string =>
    `${title}\n${Object.entries(counts)
      .map(([k, n]) => `  ${k.padEnd(12)} ${String(n).padStart(8)}`)
      .join('\n')}`;
  process.stdout.write(
    [`Total        ${String(result.total).padStart(8)}`, block('By status', result.byStatus), block('By sentiment', result.bySentiment), block('By channel', result.byChannel), ''].join(
      '\n',
    ),
  );
}
