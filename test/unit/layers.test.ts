import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rules of DESIGN.md', () => {
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

  it('keep the renderer out of the main process', async () => {
    expect(await importErrors('src/renderer/src/x.ts', "import x from '../../main/core/index';")).toHaveLength(1);
    expect(await importErrors('src/renderer/src/x.ts', "import x from 'node:path';")).toHaveLength(1);
    expect(await importErrors('src/renderer/src/x.ts', "import x from 'electron';")).toHaveLength(1);
    expect(await importErrors('src/renderer/src/x.ts', "import x from '../../shared/contract';")).toEqual([]);
  });
});
