import { basename } from 'node:path';
import type { Handlers } from '../../../shared/contract';
import type { FileGrants } from '../grants';
import type { Imports } from '../ingest/imports';

type ImportHandlers = Pick<Handlers, 'import.choose' | 'import.preview' | 'import.start' | 'import.cancel' | 'import.report' | 'import.exportReport'>;

/** Files arrive as read grants (grants.ts); the window gets names back, never paths. */
export function importHandlers(imports: Imports, grants: FileGrants): ImportHandlers {
  return {
    'import.choose': async () => ({ files: (await imports.choose()).paths.map((path) => grants.mint(path, 'read')) }),
    'import.preview': async ({ grant, format }) => ({ ...(await imports.preview(grants.path(grant, 'read'), format)), grant }),
    'import.start': async ({ grant, ...input }) => ({ importId: (await imports.start({ ...input, path: grants.path(grant, 'read') })).importId }),
    'import.cancel': ({ importId }) => imports.cancel(importId),
    'import.report': ({ importId }) => imports.report(importId),
    'import.exportReport': async ({ importId }) => {
      const { path } = await imports.exportReport(importId);
      return { fileName: path === null ? null : basename(path) };
    },
  };
}
