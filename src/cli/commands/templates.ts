import { resolve } from 'node:path';
import { printJson } from '../output';
import type { CliSession } from '../session';

/** `templates export <file>`: every reply template as a hearken.templates JSON file. */
export async function exportTemplates(session: CliSession, file: string, opts: { json?: boolean }): Promise<void> {
  await session.unlock();
  const path = resolve(file);
  const result = await session.call('templates.export', { grant: await session.grant(path, 'write') });
  if (opts.json) printJson({ path, count: result.count });
  else process.stdout.write(`Wrote ${result.count} templates to ${path}.\n`);
}

/** `templates import <file>`: adds the file's templates; same-name ones are replaced. All or nothing. */
export async function importTemplates(session: CliSession, file: string, opts: { json?: boolean }): Promise<void> {
  await session.unlock();
  const path = resolve(file);
  const { fileName: _fileName, ...result } = await session.call('templates.import', { grant: await session.grant(path, 'read') });
  if (opts.json) printJson({ path, ...result });
  else process.stdout.write(`Templates: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged.\n`);
}
