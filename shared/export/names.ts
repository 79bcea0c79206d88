/**
 * Variable names in exports follow one scheme: lowercase letters, digits and `_`, starting with a
 * letter, at most 32 characters (SPSS, Stata and R all accept it). Item ids already follow it
 * (`ks_amb_01`); derived names add a suffix (`ks_amb_01_t0`, `ks_amb_n`) and must stay within
 * the limit and unique within a sheet.
 */
import type { WaveKind } from '../domain';

export const MAX_VARIABLE_LENGTH = 32;
export const VARIABLE_NAME = /^[a-z][a-z0-9_]{0,31}$/;

/** Any text as a variable-name fragment: accents dropped, other characters become `_`. */
export function toNameFragment(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `base` shortened so that `base + tail` fits in 32 characters (no dangling `_` before the tail). */
function fit(base: string, tail: string): string {
  const room = MAX_VARIABLE_LENGTH - tail.length;
  return base.slice(0, Math.max(1, room)).replace(/_+$/, '') + tail;
}

/**
 * Hands out unique variable names for one sheet. A name that is taken gets `_2`, `_3`, … at the
 * end (shortening the base when needed), so every name stays valid, ≤ 32 and unique.
 */
/** Words SPSS reserves; a variable may not be called so (an item `to` becomes `to_2`). */
export const SPSS_RESERVED = ['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with'] as const;

export class VariableNamer {
  private readonly used = new Set<string>(SPSS_RESERVED);

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.used.add(name);
  }

  /** A unique name for `base` with an optional suffix (`name('ks_amb_01', 't0')` → `ks_amb_01_t0`). */
  name(base: string, suffix = ''): string {
    let clean = toNameFragment(base) || 'v';
    if (!/^[a-z]/.test(clean)) clean = `v_${clean}`;
    const tail = suffix ? `_${toNameFragment(suffix)}` : '';
    let candidate = fit(clean, tail);
    for (let i = 2; this.used.has(candidate); i++) candidate = fit(clean, `${tail}_${i}`);
    this.used.add(candidate);
    return candidate;
  }

  has(name: string): boolean {
    return this.used.has(name);
  }
}

export interface WaveForSuffix {
  id: string;
  networkId: string;
  label: string;
  kind: WaveKind;
}

const KIND_RANK: Record<WaveKind, number> = { T0: 0, T1: 1, T2: 2, custom: 3 };
/** Longest suffix taken from a custom wave's label (the whole variable name must stay ≤ 32). */
const MAX_LABEL_SUFFIX = 10;

/**
 * The suffix of each wave in the wide layout. T0, T1 and T2 give `t0`, `t1`, `t2`, so that rows of
 * different networks line up; a custom wave is named after its label (`Tussenmeting` →
 * `tussenmeti`); a second wave with the same suffix in one network gets `_2`. Returns each wave's
 * suffix and the suffixes in measurement order (T0, T1, T2, then custom waves as they come).
 */
export function waveSuffixes(waves: readonly WaveForSuffix[]): { suffixOf: Map<string, string>; order: string[] } {
  const suffixOf = new Map<string, string>();
  const seenPerNetwork = new Map<string, Map<string, number>>();
  const rank = new Map<string, [number, number]>();
  waves.forEach((wave, position) => {
    let base = wave.kind === 'custom' ? toNameFragment(wave.label).slice(0, MAX_LABEL_SUFFIX).replace(/_+$/, '') : wave.kind.toLowerCase();
    if (!base) base = 'm';
    if (!/^[a-z]/.test(base)) base = `m${base}`.slice(0, MAX_LABEL_SUFFIX);
    let seen = seenPerNetwork.get(wave.networkId);
    if (!seen) seenPerNetwork.set(wave.networkId, (seen = new Map()));
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const suffix = count === 1 ? base : `${base}_${count}`;
    suffixOf.set(wave.id, suffix);
    if (!rank.has(suffix)) rank.set(suffix, [KIND_RANK[wave.kind], position]);
  });
  const order = [...rank.entries()].sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1]).map(([s]) => s);
  return { suffixOf, order };
}
