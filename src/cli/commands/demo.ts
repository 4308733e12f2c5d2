import { printJson } from '../output';
import type { CliSession } from '../session';

export async function demo(session: CliSession, opts: { json?: boolean }): Promise<void> {
  await session.unlock();
  const result = await session.call('demo.load', {});
  if (opts.json) printJson(result);
  else if (result.imported === 0) process.stdout.write(`The demo inbox is already loaded (${result.duplicates} items, none added).\n`);
  else process.stdout.write(`Loaded the demo inbox: ${result.imported} items added${result.duplicates ? `, ${result.duplicates} already there` : ''}.\n`);
}
