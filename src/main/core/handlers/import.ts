import type { Handlers } from '../../../shared/contract';
import type { Imports } from '../ingest/imports';

type ImportHandlers = Pick<Handlers, 'import.choose' | 'import.preview' | 'import.start' | 'import.cancel' | 'import.report' | 'import.exportReport'>;

export function importHandlers(imports: Imports): ImportHandlers {
  return {
    'import.choose': () => imports.choose(),
    'import.preview': ({ path, format }) => imports.preview(path, format),
    'import.start': async (input) => ({ importId: (await imports.start(input)).importId }),
    'import.cancel': ({ importId }) => imports.cancel(importId),
    'import.report': ({ importId }) => imports.report(importId),
    'import.exportReport': ({ importId }) => imports.exportReport(importId),
  };
}
