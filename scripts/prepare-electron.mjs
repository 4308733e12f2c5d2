#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers for Electron into .native/, once per Electron
// version, platform and architecture. The copy in node_modules stays built for Node, so
// `npm test` and the CLI keep working; the Electron main process loads the .native build
// through better-sqlite3's `nativeBinding` option. keytar needs nothing: it uses N-API,
// whose binaries load in Node and Electron alike.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const fail = (message) => {
  console.error(`prepare-electron: ${message}`);
  process.exit(1);
};

const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
if (!existsSync(join(electronDir, 'path.txt'))) {
  fail(
    "Electron's binary is not installed (it was skipped with ELECTRON_SKIP_BINARY_DOWNLOAD or its download failed). " +
      'Run `node node_modules/electron/install.js` with network access, or `npm install` again without ELECTRON_SKIP_BINARY_DOWNLOAD.',
  );
}

const { platform, arch } = process;
const target = join(root, '.native', `better_sqlite3-electron-${electronVersion}-${platform}-${arch}.node`);
if (existsSync(target)) process.exit(0);

const sourceDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const work = join(root, '.native', `build-${electronVersion}-${platform}-${arch}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
console.log(`prepare-electron: building the SQLite module for Electron ${electronVersion} (${platform}-${arch}); this happens once.`);
cpSync(sourceDir, work, { recursive: true, filter: (src) => !src.startsWith(join(sourceDir, 'build')) && !src.startsWith(join(sourceDir, 'node_modules')) });

const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_build_from_source: '' } });
const built = join(work, 'build', 'Release', 'better_sqlite3.node');
try {
  // A published prebuilt binary for this Electron, when there is one.
  run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform]);
} catch {
  console.log('prepare-electron: no prebuilt binary; compiling from source against Electron headers.');
  try {
    run(process.execPath, [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  } catch (error) {
    fail(`building for Electron failed (${error.message}). A C++ toolchain (node-gyp's prerequisites) and network access to the Electron headers are needed.`);
  }
}
if (!existsSync(built)) fail(`the build finished but ${built} is missing.`);
copyFileSync(built, target);
rmSync(work, { recursive: true, force: true });
console.log(`prepare-electron: ready at ${target}`);
