import { resolve } from 'node:path';
import { printJson } from '../output';
import type { CliSession } from '../session';

/** `templates export <file>`: every reply template as a hearken.templates JSON file. */
export async function exportTemplates(session: CliSession, file: string, opts: { json?: boolean }): Promise<void> {
  await session.unlock();
  const result = await session.call('templates.export', { path: resolve(file) });
  if (opts.json) printJson(result);
  else process.stdout.write(`Wrote ${result.count} templates to ${result.path}.\n`);
}

/** `templates import <file>`: adds the file's templates; same-name ones are replaced. All or nothing. */
export async function importTemplates(session: CliSession, file: string, opts: { json?: boolean }): Promise<void> {
  await session.unlock();
  const result = await session.call('templates.import', { path: resolve(file) });
  if (opts.json) printJson(result);
  else process.stdout.write(`Templates: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged.\n`);
}
