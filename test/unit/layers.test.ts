import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rules', () => {
  it('keep src/shared pure', async () => {
    expect(await importErrors('src/shared/x.ts', "import x from 'node:fs';")).toHaveLength(1);
    expect(await importErrors('src/shared/x.ts', "import x from 'electron';")).toHaveLength(1);
    expect(await importErrors('src/shared/x.ts', "import x from 'react';")).toHaveLength(1);
    expect(await importErrors('src/shared/x.ts', "import x from 'better-sqlite3-multiple-ciphers';")).toHaveLength(1);
    expect(await importErrors('src/shared/x.ts', "import x from '../main/core/store/db';")).toHaveLength(1);
    expect(await importErrors('src/shared/x.ts', "import { z as x } from 'zod';")).toEqual([]);
  });

  it('let only src/main/electron import electron', async () => {
    expect(await importErrors('src/main/core/x.ts', "import x from 'electron';")).toHaveLength(1);
    expect(await importErrors('src/cli/x.ts', "import x from 'electron';")).toHaveLength(1);
    expect(await importErrors('src/main/electron/x.ts', "import x from 'electron';")).toEqual([]);
  });

  it('keep the core free of Electron, the renderer and the CLI', async () => {
    expect(await importErrors('src/main/core/store/x.ts', "import x from 'electron';")).toHaveLength(1);
    expect(await importErrors('src/main/core/store/x.ts', "import x from 'electron/main';")).toHaveLength(1);
    expect(await importErrors('src/main/core/x.ts', "import x from '../electron/ipc';")).toHaveLength(1);
    expect(await importErrors('src/main/core/handlers/x.ts', "import x from '../../../renderer/src/api';")).toHaveLength(1);
    expect(await importErrors('src/main/core/handlers/x.ts', "import x from '../../../cli/session';")).toHaveLength(1);
    expect(await importErrors('src/main/core/x.ts', "import x from '../../cli';")).toHaveLength(1);
    expect(await importErrors('src/main/core/handlers/x.ts', "import x from '../store/db';")).toEqual([]);
    expect(await importErrors('src/main/core/store/x.ts', "import x from './store-access';")).toEqual([]);
    expect(await importErrors('src/main/core/x.ts', "import x from '../../shared/contract';")).toEqual([]);
  });

  it('let only src/main/core/ai import the openai SDK', async () => {
    expect(await importErrors('src/main/core/ai/client.ts', "import x from 'openai';")).toEqual([]);
    expect(await importErrors('src/main/core/ai/x.ts', "import x from 'openai/core/error';")).toEqual([]);
    // The core's own rules still hold inside ai/.
    expect(await importErrors('src/main/core/ai/x.ts', "import x from 'electron';")).toHaveLength(1);
    expect(await importErrors('src/main/core/handlers/x.ts', "import x from 'openai';")).toHaveLength(1);
    expect(await importErrors('src/main/core/store/x.ts', "import x from 'openai/resources';")).toHaveLength(1);
    expect(await importErrors('src/main/core/analysis/x.ts', "import x from 'openai';")).toHaveLength(1);
    expect(await importErrors('src/main/electron/x.ts', "import x from 'openai';")).toHaveLength(1);
    expect(await importErrors('src/cli/x.ts', "import x from 'openai';")).toHaveLength(1);
    expect(await importErrors('src/shared/x.ts', "import x from 'openai';")).toHaveLength(1);
    expect(await importErrors('src/renderer/src/x.ts', "import x from 'openai';")).toHaveLength(1);
    expect(await importErrors('src/preload/x.ts', "import x from 'openai';")).toHaveLength(1);
  });

  it('keep the CLI off Electron', async () => {
    expect(await importErrors('src/cli/commands/x.ts', "import x from 'electron';")).toHaveLength(1);
    expect(await importErrors('src/cli/commands/x.ts', "import x from '../../main/electron/menu';")).toHaveLength(1);
    expect(await importErrors('src/cli/x.ts', "import x from '../main/electron/ipc';")).toHaveLength(1);
    expect(await importErrors('src/cli/x.ts', "import x from '../main/core';")).toEqual([]);
  });

  it('keep analysis out of the store', async () => {
    expect(await importErrors('src/main/core/analysis/x.ts', "import x from '../store/db';")).toHaveLength(1);
    expect(await importErrors('src/main/core/analysis/x.ts', "import x from '../store';")).toHaveLength(1);
    // The core's own rules still hold inside analysis.
    expect(await importErrors('src/main/core/analysis/x.ts', "import x from 'electron';")).toHaveLength(1);
    expect(await importErrors('src/main/core/analysis/x.ts', "import x from '../../../cli/session';")).toHaveLength(1);
    expect(await importErrors('src/main/core/analysis/x.ts', "import x from './taxonomy';")).toEqual([]);
    expect(await importErrors('src/main/core/store/x.ts', "import x from '../analysis/analyze';")).toEqual([]);
  });

  it('keep the file readers out of the store', async () => {
    expect(await importErrors('src/main/core/ingest/readers/x.ts', "import x from '../../store/feedback-write';")).toHaveLength(1);
    expect(await importErrors('src/main/core/ingest/readers/x.ts', "import x from 'electron';")).toHaveLength(1);
    expect(await importErrors('src/main/core/ingest/readers/x.ts', "import x from '../types';")).toEqual([]);
    expect(await importErrors('src/main/core/ingest/x.ts', "import x from '../store/feedback-write';")).toEqual([]);
  });

  it('keep the renderer out of the main process', async () => {
    expect(await importErrors('src/renderer/src/x.ts', "import x from '../../main/core/index';")).toHaveLength(1);
    expect(await importErrors('src/renderer/src/x.ts', "import x from 'node:path';")).toHaveLength(1);
    expect(await importErrors('src/renderer/src/x.ts', "import x from 'electron';")).toHaveLength(1);
    expect(await importErrors('src/renderer/src/x.ts', "import x from '../../shared/contract';")).toEqual([]);
  });
});
