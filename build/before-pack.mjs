// @ts-check
/**
 * electron-builder's beforePack hook. The packaged app loads the SQLite module that
 * scripts/prepare-electron.mjs built for Electron (.native/), never the Node build in
 * node_modules, so a package made without the build for its own platform and architecture
 * would install fine and then fail on first start. Refuse to pack it, saying what to run.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** builder-util's Arch enum, by value. */
const archNames = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** The name src/main/core/store/native.ts electronNativeBindingPath gives the Electron build. */
export function nativeBuildFile(electronVersion, platform, arch) {
  return `better_sqlite3-electron-${electronVersion}-${platform}-${arch}.node`;
}

/**
 * Throws when .native/ lacks the Electron build for this target. Packages are built on the
 * platform and architecture they are for, because the build is compiled there.
 * @param {{ projectDir: string, electronVersion: string, platform: string, arch: string }} target
 * @returns {string} the file that will be packed
 */
export function checkNativeBuild({ projectDir, electronVersion, platform, arch }) {
  // The Mac App Store build is a darwin binary like any other.
  const nodePlatform = platform === 'mas' ? 'darwin' : platform;
  if (arch === 'universal') {
    throw new Error('A universal macOS build needs an x64 and an arm64 SQLite module merged into one; build one dmg per architecture instead (--x64, --arm64).');
  }
  const file = join(projectDir, '.native', nativeBuildFile(electronVersion, nodePlatform, arch));
  if (!existsSync(file)) {
    throw new Error(
      `The Electron build of the SQLite module for ${nodePlatform}-${arch} is missing (${file}). ` +
        `Run \`node scripts/prepare-electron.mjs\` on a ${nodePlatform}-${arch} machine first (\`npm run dist\` does), ` +
        'and build each package on the platform and architecture it is for.',
    );
  }
  return file;
}

/**
 * electron-builder calls this named export (its hook loader looks for `beforePack` first).
 * @param {import('electron-builder').AfterPackContext} context (electron-builder's BeforePackContext is the same type)
 */
export async function beforePack(context) {
  const arch = archNames[context.arch];
  if (arch === undefined) throw new Error(`Unknown architecture ${String(context.arch)}.`);
  checkNativeBuild({
    projectDir: context.packager.info.projectDir,
    electronVersion: context.packager.info.framework.version,
    platform: context.electronPlatformName,
    arch,
  });
}
