/**
 * Benchmark: how much JavaScript the first screen loads. The renderer is built (electron-vite,
 * minified) and its Vite manifest read: the first screen (Netwerken) loads the entry chunk and
 * every chunk it imports statically; each lazily loaded screen adds its own chunk and what that
 * imports, minus what is already loaded. When kiosk mode is on the kiosk welcome is the first
 * screen; it is measured the same way. Target: the first screen loads at most 600 kB (minified).
 *
 * Run: `npm run bench:bundle` (tsx). `--no-build` reads an existing out/renderer instead of
 * building. A benchmark, not a test: it reports, it does not assert.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(__dirname, '..');
const RENDERER_DIR = join(ROOT, 'out/renderer');
const MANIFEST = join(RENDERER_DIR, '.vite/manifest.json');
const TARGET_BYTES = 600_000;
/** The modules between the entry and the kiosk's welcome step; a lazy one adds its chunks. */
const KIOSK_WELCOME = ['KioskGate.tsx', 'KioskApp.tsx', 'RespondentFlow.tsx', 'WelcomeSteps.tsx'].map((f) => `src/features/kiosk/${f}`);

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Size {
  min: number;
  gzip: number;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
const verdict = (bytes: number) => (bytes <= TARGET_BYTES ? 'PASS' : 'FAIL');

function build(): void {
  const bin = join(ROOT, 'node_modules/.bin/electron-vite');
  const result = spawnSync(bin, ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal}).`);
}

/** The chunk under `key` and every chunk it imports statically, directly or further down. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/** The JS files index.html loads before anything runs: its module script and modulepreload links. */
function filesInIndexHtml(): Set<string> {
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="\.?\/?([^"]+\.js)"/g)) files.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.?\/?([^"]+\.js)"/g)) files.add(m[1]!);
  return files;
}

function sum(files: Iterable<string>, sizes: Map<string, Size>): Size {
  let min = 0;
  let gzip = 0;
  for (const f of files) {
    min += sizes.get(f)?.min ?? 0;
    gzip += sizes.get(f)?.gzip ?? 0;
  }
  return { min, gzip };
}

function main() {
  if (!process.argv.includes('--no-build')) build();
  if (!existsSync(MANIFEST)) {
    throw new Error(`${MANIFEST} is missing: build the renderer with build.manifest on (electron.vite.config.ts), e.g. run this without --no-build.`);
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;

  const sizes = new Map<string, Size>();
  for (const chunk of Object.values(manifest)) {
    if (!chunk.file.endsWith('.js') || sizes.has(chunk.file)) continue;
    const code = readFileSync(join(RENDERER_DIR, chunk.file));
    sizes.set(chunk.file, { min: code.length, gzip: gzipSync(code).length });
  }

  // Two entries: the app (index.html) and the phone page of meeting mode (phone.html).
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (!entries.includes('index.html')) throw new Error(`Expected the entry index.html in the manifest, found ${entries.join(', ')}.`);
  const firstScreen = staticClosure(manifest, 'index.html');

  const fromHtml = filesInIndexHtml();
  const agrees = fromHtml.size === firstScreen.size && [...fromHtml].every((f) => firstScreen.has(f));

  console.log('JS chunks (minified, gzip); * = loaded by the first screen');
  const rows = [...sizes].sort((a, b) => b[1].min - a[1].min);
  for (const [file, size] of rows) {
    console.log(`  ${firstScreen.has(file) ? '*' : ' '} ${kB(size.min).padStart(11)}  ${kB(size.gzip).padStart(10)}  ${file}`);
  }
  const all = sum(sizes.keys(), sizes);
  console.log(`    ${kB(all.min).padStart(11)}  ${kB(all.gzip).padStart(10)}  all ${sizes.size} chunks together`);

  console.log('\nLazy screens: what opening each one adds to what is already loaded');
  const routes = Object.entries(manifest)
    .filter(([, c]) => c.isDynamicEntry)
    .map(([key, c]) => {
      const added = [...staticClosure(manifest, key)].filter((f) => !firstScreen.has(f));
      return { src: c.src ?? key, added, size: sum(added, sizes) };
    })
    .sort((a, b) => b.size.min - a.size.min);
  for (const route of routes) {
    console.log(`  ${kB(route.size.min).padStart(11)}  ${kB(route.size.gzip).padStart(10)}  ${route.src}  (${route.added.join(', ')})`);
  }

  const first = sum(firstScreen, sizes);
  console.log(`\nFirst screen (Netwerken): ${[...firstScreen].join(', ')}`);
  console.log(`  ${kB(first.min)} minified, ${kB(first.gzip)} gzip: ${verdict(first.min)} (target ≤ ${kB(TARGET_BYTES)} minified)`);
  if (!agrees) console.log(`  Note: index.html loads ${[...fromHtml].join(', ')}, which differs from the manifest's static imports.`);

  const kioskLazy = Object.entries(manifest).filter(([, c]) => c.isDynamicEntry && c.src && KIOSK_WELCOME.includes(c.src));
  const kiosk = new Set(firstScreen);
  for (const [key] of kioskLazy) staticClosure(manifest, key, kiosk);
  const kioskSize = sum(kiosk, sizes);
  const how = kioskLazy.length === 0 ? 'its welcome step is in the first screen’s chunks' : `plus ${kioskLazy.map(([, c]) => c.src).join(', ')}`;
  console.log(`Kiosk welcome (kiosk mode on; ${how}):`);
  console.log(`  ${kB(kioskSize.min)} minified, ${kB(kioskSize.gzip)} gzip: ${verdict(kioskSize.min)}`);
  if (entries.includes('phone.html')) {
    const phone = sum(staticClosure(manifest, 'phone.html'), sizes);
    console.log('Phone page of meeting mode (phone.html, over the laptop\'s own Wi-Fi to each phone):');
    console.log(`  ${kB(phone.min)} minified, ${kB(phone.gzip)} gzip: ${verdict(phone.min)}`);
  }
}

main();
