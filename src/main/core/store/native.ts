import { join } from 'node:path';

/**
 * Node (tests, CLI) and Electron (the app) need different builds of the native SQLite
 * module. The Node build stays where npm put it; scripts/prepare-electron.mjs builds the
 * Electron one into .native/, keyed by Electron version, platform and architecture, and
 * the Electron main process passes this path as better-sqlite3's `nativeBinding`.
 */
export function electronNativeBindingPath(appRoot: string, electronVersion: string, platform: string, arch: string): string {
  return join(appRoot, '.native', `better_sqlite3-electron-${electronVersion}-${platform}-${arch}.node`);
}
