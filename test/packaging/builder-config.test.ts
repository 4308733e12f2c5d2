/**
 * The packaging configuration (electron-builder.yml), judged by electron-builder itself:
 * its loader, its schema, its file matchers and its fuse mapping. No package is built here
 * (that needs the Electron binary); these are the decisions a build would act on.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNativeBuild, nativeBuildFile } from '../../build/before-pack.mjs';
import { electronNativeBindingPath } from '../../src/main/core/store/native';
import { appFileFilter, builderFuses, fuseNames, fuseWire, installedElectronVersion, loadConfig, nodeModuleFilter, packageJson, projectFuses, repoRoot, unpackFilter, validate } from './builder';

let config: Configuration;
beforeAll(async () => {
  config = await loadConfig();
});

const electronVersion = installedElectronVersion();
/** The file main.ts passes as better-sqlite3's nativeBinding, relative to the app root. */
const nativeBuild = relative(repoRoot, electronNativeBindingPath(repoRoot, electronVersion, process.platform, process.arch));

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    expect(config.appId).toBe('app.hearken.desktop');
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('would be rejected by the same validation with a misspelt fuse or an unknown option', async () => {
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } as Configuration['electronFuses'] })).rejects.toThrow(/electronFuses/u);
    await expect(validate({ ...config, asarUnpak: ['x'] } as Configuration)).rejects.toThrow(/asarUnpak/u);
  });

  it('builds AppImage and deb for Linux, dmg for macOS, nsis for Windows, as Hearken', () => {
    expect(config.productName).toBe('Hearken');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    // An uninstall must never take the encrypted store with it.
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    expect(config.publish).toBeNull();
  });

  it('packs the app into asar and leaves node_modules built for Node', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('./build/before-pack.mjs');
    // `npm run dist` builds the Electron SQLite module before electron-builder packs it.
    expect(packageJson().scripts.dist).toMatch(/^node scripts\/prepare-electron\.mjs && electron-vite build && electron-builder$/u);
  });

  it('ships the built app, package.json and the Electron SQLite build, and no sources', () => {
    const ships = appFileFilter(config);
    for (const file of ['out/main/index.js', 'out/main/core-worker.js', 'out/main/job-worker.js', 'out/main/parse-worker.js', 'out/main/chunks/contract-x.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-x.js', 'package.json', nativeBuild]) {
      expect(ships(file), file).toBe(true);
    }
    for (const file of ['src/main/electron/main.ts', 'src/renderer/index.html', 'test/unit/x.test.ts', 'bench/run.ts', 'scripts/prepare-electron.mjs', 'electron-builder.yml', 'build/before-pack.mjs', 'docs/PACKAGING.md', '.native/build-45-linux-x64/build/Release/better_sqlite3.node', 'resources/icon.png', 'tsconfig.json']) {
      expect(ships(file), file).toBe(false);
    }
  });

  it('drops the native sources and the Node-ABI SQLite build from node_modules, and keeps their JavaScript', () => {
    const keeps = nodeModuleFilter(config);
    expect(keeps('node_modules/better-sqlite3-multiple-ciphers/lib/database.js')).toBe(true);
    expect(keeps('node_modules/keytar/lib/keytar.js')).toBe(true);
    expect(keeps('node_modules/keytar/build/Release/keytar.node')).toBe(true);
    expect(keeps('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node')).toBe(false);
    expect(keeps('node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(keeps('node_modules/better-sqlite3-multiple-ciphers/src/better_sqlite3.cpp')).toBe(false);
  });

  it('unpacks every native module the package ships, and no JavaScript', () => {
    const unpacks = unpackFilter(config);
    const keeps = nodeModuleFilter(config);
    // The real .node files of the production dependencies, as npm installed them here.
    const shipped = Object.keys(packageJson().dependencies)
      .flatMap((name) => nodeFiles(join(repoRoot, 'node_modules', name)))
      .map((file) => relative(repoRoot, file))
      .filter((file) => keeps(file));
    expect(shipped).toContain('node_modules/keytar/build/Release/keytar.node');
    for (const file of [...shipped, nativeBuild]) expect(unpacks(file), file).toBe(true);
    for (const file of ['out/main/index.js', 'out/main/core-worker.js', 'out/main/job-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'node_modules/keytar/lib/keytar.js', 'package.json']) {
      expect(unpacks(file), file).toBe(false);
    }
  });

  it('carries every resource main.ts reads from process.resourcesPath', () => {
    const main = readFileSync(join(repoRoot, 'src/main/electron/main.ts'), 'utf8');
    const used = [...main.matchAll(/resourcePath\(((?:'[^']+'(?:, )?)+)\)/gu)].map((m) => [...(m[1] ?? '').matchAll(/'([^']+)'/gu)].map((p) => p[1]).join('/'));
    expect(used.sort()).toEqual(['demo/inbox.json', 'icon.png']);
    const extra = (config.extraResources ?? []) as { from: string; to: string }[];
    for (const resource of used) {
      const entry = extra.find((e) => e.to === resource);
      expect(entry, resource).toBeDefined();
      expect(statSync(join(repoRoot, entry!.from)).isFile()).toBe(true);
    }
  });
});

describe('the fuses', () => {
  it('are set as the security review asks', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('reach @electron/fuses as the wire electron-builder flips', async () => {
    const wire = await fuseWire(config);
    const fuse = (name: string): unknown => wire[builderFuses[name] as number];
    expect(fuse('RunAsNode')).toBe(false);
    expect(fuse('EnableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(fuse('EnableNodeCliInspectArguments')).toBe(false);
    expect(fuse('EnableCookieEncryption')).toBe(true);
    expect(fuse('EnableEmbeddedAsarIntegrityValidation')).toBe(true);
    expect(fuse('OnlyLoadAppFromAsar')).toBe(true);
    expect(fuse('LoadBrowserProcessSpecificV8Snapshot')).toBe(false);
    expect(fuse('GrantFileProtocolExtraPrivileges')).toBe(false);
  });

  it('leave only the fuses docs/PACKAGING.md names at their defaults', async () => {
    const wire = await fuseWire(config);
    // Every fuse electron-builder's copy of @electron/fuses can flip is decided.
    expect(fuseNames(builderFuses).filter((name) => wire[builderFuses[name] as number] === undefined)).toEqual([]);
    // The newer fuses only the project's @electron/fuses knows keep Electron's default; a fuse
    // added to it shows up here and needs a decision (and a line in the doc).
    const newer = fuseNames(projectFuses).filter((name) => !fuseNames(builderFuses).includes(name));
    expect(newer).toEqual(['WasmTrapHandlers']);
    // Both copies number the wire the same way, so the map above means what it says.
    for (const name of fuseNames(builderFuses)) expect(projectFuses[name], name).toBe(builderFuses[name]);
    const doc = readFileSync(join(repoRoot, 'docs/PACKAGING.md'), 'utf8');
    for (const name of newer) expect(doc).toContain(name);
  });
});

describe('the beforePack hook', () => {
  let projectDir: string;
  beforeAll(() => {
    projectDir = mkdtempSync(join(tmpdir(), 'hearken-pack-'));
  });
  afterAll(() => rmSync(projectDir, { recursive: true, force: true }));

  it('names the Electron build as the app looks for it', () => {
    expect(nativeBuildFile(electronVersion, process.platform, process.arch)).toBe(basename(nativeBuild));
  });

  it('refuses to pack without the build for the target, saying what to run', () => {
    expect(() => checkNativeBuild({ projectDir, electronVersion, platform: 'linux', arch: 'x64' })).toThrow(/node scripts\/prepare-electron\.mjs.*linux-x64/u);
    expect(() => checkNativeBuild({ projectDir, electronVersion, platform: 'darwin', arch: 'universal' })).toThrow(/one dmg per architecture/u);
  });

  it('passes once the build is there, and reads a Mac App Store target as darwin', () => {
    mkdirSync(join(projectDir, '.native'), { recursive: true });
    for (const platform of ['linux', 'darwin']) writeFileSync(join(projectDir, '.native', nativeBuildFile(electronVersion, platform, 'arm64')), 'stand-in');
    expect(checkNativeBuild({ projectDir, electronVersion, platform: 'linux', arch: 'arm64' })).toBe(join(projectDir, '.native', nativeBuildFile(electronVersion, 'linux', 'arm64')));
    expect(checkNativeBuild({ projectDir, electronVersion, platform: 'mas', arch: 'arm64' })).toBe(join(projectDir, '.native', nativeBuildFile(electronVersion, 'darwin', 'arm64')));
    expect(() => checkNativeBuild({ projectDir, electronVersion, platform: 'win32', arch: 'arm64' })).toThrow(/win32-arm64/u);
  });
});

function nodeFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return nodeFiles(path);
    return entry.isFile() && entry.name.endsWith('.node') ? [path] : [];
  });
}
