import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Configuration, PlatformSpecificBuildOptions } from 'electron-builder';

/**
 * electron-builder's own loader, validator and file matchers, taken from app-builder-lib (the
 * package electron-builder is built on) as electron-builder resolves it. Some of these are
 * internal to app-builder-lib, so their shapes are declared here, as far as the tests use them.
 */

export const PROJECT_DIR = resolve(__dirname, '../..');

const fromElectronBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const appBuilderLib = <T>(path: string): T => fromElectronBuilder(`app-builder-lib/${path}`) as T;

/** Decides per file: `(absolutePath, stat) => included`. */
export type FileFilter = (file: string, stat: { isDirectory: () => boolean }) => boolean;
interface FileMatcher {
  patterns: string[];
  createFilter: () => FileFilter;
}
type MacroExpander = (pattern: string) => string;
interface PackagerInfo {
  config: Configuration;
  projectDir: string;
  buildResourcesDir: string;
  isPrepackedAppAsar: boolean;
  debugLogger: { isEnabled: boolean; add: () => void };
}

const config = appBuilderLib<{
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: Configuration | null) => Promise<Configuration>;
  validateConfiguration: (config: Configuration, debugLogger: PackagerInfo['debugLogger']) => Promise<void>;
}>('out/util/config/config.js');
const matchers = appBuilderLib<{
  getMainFileMatchers: (appDir: string, destination: string, macroExpander: MacroExpander, options: PlatformSpecificBuildOptions, packager: { info: PackagerInfo }, outDir: string, isElectronCompile: boolean) => FileMatcher[];
  getNodeModuleFileMatcher: (appDir: string, destination: string, macroExpander: MacroExpander, options: PlatformSpecificBuildOptions, packager: PackagerInfo) => FileMatcher;
  getFileMatchers: (
    config: Configuration,
    name: 'asarUnpack',
    destination: string,
    options: { macroExpander: MacroExpander; customBuildOptions: PlatformSpecificBuildOptions; globalOutDir: string; defaultSrc: string },
  ) => FileMatcher[] | null;
}>('out/fileMatcher.js');
const macros = appBuilderLib<{ expandMacro: (pattern: string, arch: string | null, appInfo: unknown, extra?: Record<string, string>) => string }>('out/util/macroExpander.js');

const quietLogger = { isEnabled: false, add: () => {} };

/** The configuration exactly as electron-builder reads it from the project (electron-builder.ts). */
export const loadProjectConfig = (): Promise<Configuration> => config.getConfig(PROJECT_DIR, null, null);

/** electron-builder's own check of a configuration against its JSON schema (app-builder-lib/scheme.json). */
export const validateConfiguration = (configuration: Configuration): Promise<void> => config.validateConfiguration(configuration, quietLogger);

/** The build systems, with electron-builder's key in the configuration and Node's name (as in better-sqlite3's prebuilds). */
export const TARGET_SYSTEMS = [
  { key: 'win', platform: 'win32' },
  { key: 'mac', platform: 'darwin' },
  { key: 'linux', platform: 'linux' },
] as const;
export type TargetSystem = (typeof TARGET_SYSTEMS)[number];

/**
 * The filters electron-builder applies when it packs the app for one system and architecture:
 * `app` for the project's own files, `nodeModules` for files inside production dependencies, and
 * `unpack` for what goes to app.asar.unpacked instead of into the archive. Paths are absolute.
 */
export function packingFilters(configuration: Configuration, system: TargetSystem, arch: 'x64' | 'arm64') {
  const options = (configuration[system.key] ?? {}) as PlatformSpecificBuildOptions;
  // As PlatformPackager.createGetFileMatchersOptions: the architecture, and "/*" meaning a whole folder.
  const macroExpander: MacroExpander = (pattern) => macros.expandMacro(pattern, arch, {}, { os: system.key, '/*': '{,/**/*}' });
  const info: PackagerInfo = { config: configuration, projectDir: PROJECT_DIR, buildResourcesDir: 'build', isPrepackedAppAsar: false, debugLogger: quietLogger };
  const destination = resolve(PROJECT_DIR, 'dist/resources/app');
  const outDir = resolve(PROJECT_DIR, 'dist');
  // Every matcher but the first has its own source folder; this configuration must not have any.
  const app = matchers.getMainFileMatchers(PROJECT_DIR, destination, macroExpander, options, { info }, outDir, false);
  const unpack = matchers.getFileMatchers(configuration, 'asarUnpack', destination, { macroExpander, customBuildOptions: options, globalOutDir: outDir, defaultSrc: PROJECT_DIR });
  const file = { isDirectory: () => false };
  const relative = (path: string) => resolve(PROJECT_DIR, path);
  return {
    appMatcherCount: app.length,
    app: (path: string) => app[0]!.createFilter()(relative(path), file),
    nodeModules: (path: string) => matchers.getNodeModuleFileMatcher(PROJECT_DIR, destination, macroExpander, options, info).createFilter()(relative(path), file),
    unpack: (path: string) => (unpack?.[0]?.createFilter()(relative(path), file) ?? false),
  };
}

/** Modules as app-builder-lib resolves them. */
const fromAppBuilderLib = createRequire(fromElectronBuilder.resolve('app-builder-lib'));

/** The asar reader electron-builder packs with (@electron/asar), to read back what was packed. */
export const asar = fromAppBuilderLib('@electron/asar') as {
  listPackage: (archive: string) => string[];
  statFile: (archive: string, path: string) => { size?: number; unpacked?: boolean };
  extractAll: (archive: string, dest: string) => void;
};

/** The YAML parser electron-builder reads YAML with (js-yaml). */
export const parseYaml = (fromAppBuilderLib('js-yaml') as { load: (text: string) => unknown }).load;
