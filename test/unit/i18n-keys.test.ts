import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The two locale files must describe the same UI: the same keys, no empty texts, and the same
 * {{placeholders}} per key (a missing {{min}} would silently drop a number from a sentence).
 */

type Tree = { [key: string]: string | Tree };
const localeDir = join(__dirname, '../../renderer/src/i18n');
const load = (locale: string) => JSON.parse(readFileSync(join(localeDir, `${locale}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const nl = flatten(load('nl'));
const en = flatten(load('en'));

describe('locale files', () => {
  it('have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
  });

  it('have a non-empty string for every key', () => {
    for (const [locale, entries] of [['nl', nl], ['en', en]] as const) {
      for (const [key, value] of entries) {
        expect(typeof value, `${locale}: ${key}`).toBe('string');
        expect((value as string).trim(), `${locale}: ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders for each key', () => {
    for (const [key, value] of nl) {
      const other = en.get(key);
      if (typeof value !== 'string' || typeof other !== 'string') continue;
      expect(placeholders(other), key).toEqual(placeholders(value));
    }
  });

  it('give every plural both its _one and _other form', () => {
    for (const entries of [nl, en]) {
      const plurals = [...entries.keys()].filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, ''));
      for (const base of new Set(plurals)) {
        expect(entries.has(`${base}_one`) && entries.has(`${base}_other`), base).toBe(true);
      }
    }
  });
});
