import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/db/migrations';

const migrationsDir = join(__dirname, '../../../electron/db/migrations');

describe('migrations meta', () => {
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_.+\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();

  it('lists every numbered module in order, numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.file)).toEqual(files);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
    files.forEach((f, i) => expect(Number(f.slice(0, 4))).toBe(i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(files.length);
  });

  it.each(files)('migration %s has its own test', (file) => {
    expect(existsSync(join(__dirname, `${file}.test.ts`)), `test/db/migrations/${file}.test.ts is missing`).toBe(true);
  });
});
