import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The installer packs only `dependencies`. Code the main process runs (electron/ and the shared/
 * modules it imports) may therefore load only those, Electron itself and Node's own modules; a
 * package kept in devDependencies for tests and benchmarks (SheetJS, which the tests use to read
 * workbooks back) must never be imported there.
 */

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Package names of the value imports (type-only imports vanish at build time). */
function packagesImported(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(?!type\s)[^;]*?from\s+['"]([^'"]+)['"]/gm)) names.push(m[2]!);
  for (const m of source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) names.push(m[1]!);
  return names
    .filter((spec) => !spec.startsWith('.'))
    .map((spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!));
}

const allowed = (name: string) => name === 'electron' || name.startsWith('node:') || builtinModules.includes(name) || name in pkg.dependencies;

describe('run-time dependencies of the main process', () => {
  it('finds the imports it checks (the scan itself works)', () => {
    const found = new Set(sourceFiles(join(root, 'electron')).flatMap((f) => packagesImported(readFileSync(f, 'utf8'))));
    expect([...found]).toEqual(expect.arrayContaining(['better-sqlite3', 'zod', 'electron', 'node:fs']));
  });

  it('imports only production dependencies, Electron and Node modules in electron/ and shared/', () => {
    const offenders: string[] = [];
    for (const dir of ['electron', 'shared']) {
      for (const file of sourceFiles(join(root, dir))) {
        for (const name of packagesImported(readFileSync(file, 'utf8'))) {
          if (!allowed(name)) offenders.push(`${relative(root, file)}: ${name}${name in pkg.devDependencies ? ' (a devDependency)' : ''}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps SheetJS for the tests only: the app writes its workbooks with its own writer', () => {
    expect(pkg.dependencies).not.toHaveProperty('xlsx');
    expect(pkg.devDependencies).toHaveProperty('xlsx');
  });
});
