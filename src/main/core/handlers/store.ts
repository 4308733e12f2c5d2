import type { CoreContext } from '../context';
import { cipherInfo, leftoverBackup } from '../store/cipher-conversion';
import { ftsIntegrity, integrityCheck } from '../store/health';
import { latestVersion, schemaVersion } from '../store/migrate';
import { migrations } from '../store/migrations';
import { defineHandlers, query } from './define';

export function storeHandlers(ctx: CoreContext) {
  return defineHandlers(ctx, {
    'store.health': query((db) => {
      const sizes = ctx.store.sizes();
      return {
        integrity: integrityCheck(db),
        searchIndexOk: ftsIntegrity(db),
        schemaVersion: schemaVersion(db),
        latestSchemaVersion: latestVersion(migrations),
        sizeBytes: sizes.db,
        walBytes: sizes.wal,
        ...cipherInfo(db, ctx.store.paths.db),
        conversionBackup: leftoverBackup(ctx.store.paths.db),
      };
    }),
  });
}
