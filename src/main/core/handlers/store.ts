import type { Handlers } from '../../../shared/contract';
import { requireDb, type CoreContext } from '../context';
import { ftsIntegrity, integrityCheck } from '../store/health';
import { latestVersion, schemaVersion } from '../store/migrate';
import { migrations } from '../store/migrations';

export function storeHandlers(ctx: CoreContext): Pick<Handlers, 'store.health'> {
  return {
    'store.health': () => {
      const db = requireDb(ctx);
      const sizes = ctx.store.sizes();
      return {
        integrity: integrityCheck(db),
        searchIndexOk: ftsIntegrity(db),
        schemaVersion: schemaVersion(db),
        latestSchemaVersion: latestVersion(migrations),
        sizeBytes: sizes.db,
        walBytes: sizes.wal,
      };
    },
  };
}
