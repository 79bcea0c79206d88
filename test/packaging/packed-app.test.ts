import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Arch, build, Platform, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asar, loadProjectConfig, packingFilters, PROJECT_DIR, TARGET_SYSTEMS } from './electron-builder-internals';

/**
 * What goes into the installers, decided by electron-builder itself. Electron cannot be
 * downloaded here, so the Linux x64 app is packed for real with a stand-in for Electron's own
 * files (electronDist); app.asar and app.asar.unpacked are what electron-builder makes for every
 * installer. They are read back with the asar reader, and the packed modules are loaded in Node
 * from an extracted copy. For the other systems electron-builder's file matchers are asked
 * directly. Needs the built app (out/): `npx electron-vite build` (npm test builds first).
 */

const PREBUILDS = join(PROJECT_DIR, 'node_modules/better-sqlite3/prebuilds');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const packageJson = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

let work: string;
let archive: string;
let unpackedDir: string;
let packed: string[];
let config: Configuration;

beforeAll(async () => {
  if (!existsSync(join(PROJECT_DIR, 'out/main/index.js'))) throw new Error('De app is niet gebouwd (out/ ontbreekt). Voer eerst `npx electron-vite build` uit.');
  config = await loadProjectConfig();
  work = mkdtempSync(join(tmpdir(), 'netwerkspiegel-pack-'));
  // A stand-in for Electron's unpacked distribution: its executable (renamed by electron-builder),
  // its licence and its resources folder, where electron-builder puts app.asar.
  const electronDist = join(work, 'electron-dist');
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
  writeFileSync(join(electronDist, 'LICENSE'), 'stand-in for Electron');
  await build({
    projectDir: PROJECT_DIR,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: { electronDist, directories: { output: join(work, 'dist') } },
  });
  const resources = join(work, 'dist/linux-unpacked/resources');
  archive = join(resources, 'app.asar');
  unpackedDir = join(resources, 'app.asar.unpacked');
  packed = asar.listPackage(archive).map((p) => p.replace(/\\/g, '/').replace(/^\//, ''));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Names of the packages in the archive, nested ones included (node_modules/a/node_modules/b gives b). */
function packedPackages(): Set<string> {
  return new Set(packed.map((p) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(p)?.[1]).filter((n): n is string => n !== undefined));
}

describe('the packed app (Linux x64, packed by electron-builder)', () => {
  it('holds the built app and package.json, and none of the sources, tests, docs, benchmarks or source maps', () => {
    // phone.html and the build's manifest: the meeting server serves the phone page and exactly the files the manifest lists for it.
    for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'out/renderer/phone.html', 'out/renderer/.vite/manifest.json']) expect(packed).toContain(file);
    expect(packed.some((p) => /^out\/renderer\/assets\/index-[\w-]+\.js$/.test(p))).toBe(true);
    const ownFiles = packed.filter((p) => !p.startsWith('node_modules/') && p !== 'node_modules');
    expect(ownFiles.filter((p) => p !== 'package.json' && p !== 'out' && !p.startsWith('out/'))).toEqual([]);
    expect(packed.filter((p) => /\.(map|ts|tsx)$/.test(p))).toEqual([]);
    const main = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { main: string };
    expect(packed).toContain(main.main);
  });

  it('holds exactly the production dependencies npm lists, and no development package', () => {
    const npmList = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: PROJECT_DIR, encoding: 'utf8', shell: process.platform === 'win32' });
    const production = new Set(
      npmList
        .split(/\r?\n/)
        .map((line) => /node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)$/.exec(line)?.[1]?.replace(/\\/g, '/'))
        .filter((n): n is string => n !== undefined),
    );
    expect(production.has('better-sqlite3') && production.has('zod') && production.has('@stdlib/stats-base-dists-t-cdf') && production.has('docx') && production.has('pptxgenjs')).toBe(true);
    expect([...packedPackages()].sort()).toEqual([...production].sort());

    const devOnly = [...Object.keys(packageJson.devDependencies), 'esbuild', 'rolldown', 'app-builder-lib', 'i18next', 'scheduler'];
    expect(devOnly).toEqual(expect.arrayContaining(['electron', 'vite', 'react', 'recharts', 'vitest', 'typescript', 'playwright-core', 'electron-builder']));
    // A package we also list for development (fflate, @types/node) is packed when a production
    // dependency needs it (docx unzips with fflate; docx and pptxgenjs list @types/node): npm lists
    // it above, so it belongs. What must never be packed is a package only development needs.
    expect(devOnly.filter((name) => packedPackages().has(name) && !production.has(name))).toEqual([]);
  });

  it('keeps better-sqlite3\'s Linux x64 prebuild outside the archive, byte for byte, and no other system\'s', () => {
    const inside = 'node_modules/better-sqlite3/prebuilds/linux-x64.node';
    // Marked "unpacked" in the archive's header: Electron's process.dlopen then loads
    // app.asar.unpacked/<path> (asar Archive::CopyFileOut) instead of a temporary copy.
    expect(asar.statFile(archive, inside).unpacked).toBe(true);
    expect(sha256(join(unpackedDir, inside))).toBe(sha256(join(PREBUILDS, 'linux-x64.node')));
    expect(packed.filter((p) => p.endsWith('.node'))).toEqual([inside]);
    expect(readdirSync(join(unpackedDir, 'node_modules/better-sqlite3/prebuilds'))).toEqual(['linux-x64.node']);
    // SQLite's C sources (a source build the app never does) stay out.
    expect(packed.filter((p) => /^node_modules\/better-sqlite3\/(deps|src)\//.test(p))).toEqual([]);
  });

  it('runs: the packed modules load from an extracted copy, better-sqlite3 from its prebuild', () => {
    const extracted = join(work, 'extracted');
    asar.extractAll(archive, extracted);
    const script = `
      const { createRequire } = require('node:module');
      const load = createRequire(${JSON.stringify(join(extracted, 'package.json'))});
      const Database = load('better-sqlite3');
      const db = new Database(':memory:');
      const sqlite = db.prepare('SELECT sqlite_version() AS v').get().v;
      const addon = Object.keys(require.cache).find((k) => k.endsWith('.node'));
      const normalCdf = load('@stdlib/stats-base-dists-normal-cdf');
      const zod = load('zod');
      let xlsx = 'absent';
      try { load('xlsx'); xlsx = 'packed'; } catch { /* a development dependency: must not be packed */ }
      console.log(JSON.stringify({ sqlite, addon, phi: normalCdf(1.96, 0, 1), zod: zod.z.string().safeParse(3).success, xlsx }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: tmpdir(), encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } })) as Record<string, unknown>;
    expect(out['sqlite']).toMatch(/^3\.\d+\.\d+$/);
    expect(out['addon']).toBe(join(extracted, 'node_modules/better-sqlite3/prebuilds/linux-x64.node'));
    // Φ(1.96) = 0.9750021048517795 (standard normal table).
    expect(out['phi']).toBeCloseTo(0.9750021048517795, 12);
    expect(out['zod']).toBe(false);
    // SheetJS only reads workbooks back in the tests; the app writes its own.
    expect(out['xlsx']).toBe('absent');
  });
});

describe('what electron-builder packs for each configured system', () => {
  const targets = TARGET_SYSTEMS.flatMap((system) => (system.key === 'mac' ? (['arm64', 'x64'] as const) : (['x64'] as const)).map((arch) => ({ system, arch })));

  it.each(targets)('$system.platform $arch: only its own better-sqlite3 prebuild, outside the archive', ({ system, arch }) => {
    const filters = packingFilters(config, system, arch);
    const prebuilds = readdirSync(PREBUILDS).filter((name) => name.endsWith('.node'));
    expect(prebuilds).toContain(`${system.platform}-${arch}.node`);
    expect(prebuilds.filter((name) => filters.nodeModules(`node_modules/better-sqlite3/prebuilds/${name}`))).toEqual([`${system.platform}-${arch}.node`]);
    expect(filters.unpack(`node_modules/better-sqlite3/prebuilds/${system.platform}-${arch}.node`)).toBe(true);
    expect(filters.unpack('node_modules/better-sqlite3/lib/binding.js')).toBe(false);
    expect(filters.nodeModules('node_modules/better-sqlite3/lib/binding.js')).toBe(true);
    expect(filters.nodeModules('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
  });

  it.each(TARGET_SYSTEMS)('$platform: the built app, never the sources', (system) => {
    const filters = packingFilters(config, system, 'x64');
    expect(filters.appMatcherCount).toBe(1);
    for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'out/renderer/phone.html', 'out/renderer/.vite/manifest.json']) expect(filters.app(file), file).toBe(true);
    for (const file of ['out/main/index.js.map', 'electron/main/lifecycle.ts', 'renderer/src/App.tsx', 'shared/contract.ts', 'test/electron/preload.test.ts', 'docs/decisions/2026-12-01-installers.md', 'bench/export.ts', 'README.md', 'electron-builder.ts', 'build/icon.png', 'scripts/dist.ts']) {
      expect(filters.app(file), file).toBe(false);
    }
  });

  it('would notice the trap of a per-system list of only "!" patterns, which packs the whole project', () => {
    const trap: Configuration = { ...config, linux: { ...config.linux, files: ['!**/*.map'] } };
    expect(packingFilters(trap, TARGET_SYSTEMS[2], 'x64').app('electron/main/lifecycle.ts')).toBe(true);
  });
});
