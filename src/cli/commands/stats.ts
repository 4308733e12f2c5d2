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
      .map(([k, n]) => `  ${k.padEnd(title === 'AI quality' ? 21 : 12)} ${String(n).padStart(8)}`)
      .join('\n')}`;
  const q = result.quality;
  const quality = block('AI quality', {
    'sentiment overridden': q.sentimentOverrides,
    'topic removed': q.topicRejections,
    'sent unchanged': q.replies.unchanged,
    'sent edited': q.replies.edited,
    'set aside': q.replies.discarded,
    'own replies': q.replies.written,
  });
  const median = q.medianEditDistance === null ? '' : `\n  median edit           ${String(q.medianEditDistance).padStart(8)} characters`;
  process.stdout.write(
    [
      `Total        ${String(result.total).padStart(8)}`,
      block('By status', result.byStatus),
      block('By sentiment', result.bySentiment),
      block('By channel', result.byChannel),
      `${quality}${median}`,
      '',
    ].join('\n'),
  );
}
