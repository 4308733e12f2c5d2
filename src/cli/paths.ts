import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same folder the desktop app uses (Electron's userData for "Hearken", then data/). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HEARKEN_DATA_DIR) return env.HEARKEN_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Hearken', 'data');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hearken', 'data');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Hearken', 'data');
}
