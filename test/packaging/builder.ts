/**
 * electron-builder's own loader, schema validation, file matchers and fuse mapping, reached
 * through the app-builder-lib that the installed electron-builder uses, so the tests judge the
 * configuration exactly as a real `electron-builder` run would, without building a package
 * (that needs the Electron binary).
 */
import { readFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';

export const repoRoot = join(import.meta.dirname, '..', '..');
const projectRequire = createRequire(join(repoRoot, 'package.json'));
const builderRequire = createRequire(projectRequire.resolve('electron-builder/package.json'));

type Filter = (file: string, stat: Pick<Stats, 'isDirectory'>) => boolean;
interface Matcher {
  createFilter(): Filter;
}
interface MatcherOptions {
  macroExpander: (pattern: string) => string;
  customBuildOptions: object;
  globalOutDir: string;
  defaultSrc: string;
}

const config = builderRequire('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
};
const matchers = builderRequire('app-builder-lib/out/fileMatcher') as {
  getFileMatchers(config: Configuration, name: 'asarUnpack' | 'files', destination: string, options: MatcherOptions): Matcher[] | null;
  getMainFileMatchers(appDir: string, destination: string, macroExpander: (p: string) => string, platformOptions: object, packager: object, outDir: string, isElectronCompile: boolean): Matcher[];
  getNodeModuleFileMatcher(appDir: string, destination: string, macroExpander: (p: string) => string, platformOptions: object, packager: object): Matcher;
};
// From the package's index: requiring platformPackager first trips its circular imports.
const { PlatformPackager } = builderRequire('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: NonNullable<Configuration['electronFuses']>): Promise<Record<number | string, unknown>> } };
};
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
type FuseOptions = Record<string, number | string>;
/** The @electron/fuses that electron-builder flips the binary with (its own copy, 1.8 in electron-builder 26.18). */
const appBuilderRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));
export const builderFuses = (appBuilderRequire('@electron/fuses') as { FuseV1Options: FuseOptions }).FuseV1Options;
/** The project's own @electron/fuses (the devDependency), which knows the newest fuses. */
export const projectFuses = (projectRequire('@electron/fuses') as { FuseV1Options: FuseOptions }).FuseV1Options;

/** The fuse names an enum knows. */
export function fuseNames(options: FuseOptions): string[] {
  return Object.keys(options).filter((key) => Number.isNaN(Number(key)));
}

/** The configuration as electron-builder finds and loads it from the project folder. */
export function loadConfig(): Promise<Configuration> {
  return config.getConfig(repoRoot, null, null);
}

/** electron-builder's schema check: resolves, or throws listing what does not match its schema. */
export function validate(configuration: Configuration): Promise<void> {
  return config.validateConfiguration(configuration, new DebugLogger(false));
}

/** The fuse map (FuseV1Options value -> on/off) electron-builder hands to flipFuses. */
export function fuseWire(configuration: Configuration): Promise<Record<number | string, unknown>> {
  const fuses = configuration.electronFuses;
  if (!fuses) throw new Error('The configuration sets no electronFuses.');
  return PlatformPackager.prototype.generateFuseConfig.call(null, fuses);
}

const identity = (pattern: string): string => pattern;
const file = { isDirectory: () => false };

/** Whether electron-builder would unpack `relPath` (relative to the project) from app.asar. */
export function unpackFilter(configuration: Configuration): (relPath: string) => boolean {
  const found = matchers.getFileMatchers(configuration, 'asarUnpack', '/dest', { macroExpander: identity, customBuildOptions: {}, globalOutDir: join(repoRoot, 'dist'), defaultSrc: repoRoot });
  const filter = found?.[0]?.createFilter();
  return (relPath) => filter?.(join(repoRoot, relPath), file) ?? false;
}

/** A stand-in for the Packager fields the file matchers read. */
function packagerInfo(configuration: Configuration): object {
  return { projectDir: repoRoot, buildResourcesDir: 'build', config: configuration, isPrepackedAppAsar: false, debugLogger: { isEnabled: false } };
}

/** Whether electron-builder would copy the app file `relPath` (not under node_modules) into the package. */
export function appFileFilter(configuration: Configuration): (relPath: string) => boolean {
  const [main] = matchers.getMainFileMatchers(repoRoot, '/dest', identity, {}, { info: packagerInfo(configuration) }, join(repoRoot, 'dist'), false);
  if (!main) throw new Error('electron-builder made no file matcher');
  const filter = main.createFilter();
  return (relPath) => filter(join(repoRoot, relPath), file);
}

/** Whether electron-builder would keep `relPath` (under node_modules) of a production dependency. */
export function nodeModuleFilter(configuration: Configuration): (relPath: string) => boolean {
  const filter = matchers.getNodeModuleFileMatcher(repoRoot, '/dest', identity, {}, packagerInfo(configuration)).createFilter();
  return (relPath) => filter(join(repoRoot, relPath), file);
}

export function packageJson(): { version: string; dependencies: Record<string, string>; scripts: Record<string, string> } {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as ReturnType<typeof packageJson>;
}

export function installedElectronVersion(): string {
  return (JSON.parse(readFileSync(projectRequire.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
}
