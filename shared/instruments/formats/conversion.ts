import type { z } from 'zod';
import type { LocalizedText } from '../../text';
import { instrumentDefinition, type InstrumentDefinition } from '../schema';

/**
 * What the spreadsheet (XLSForm-like) and the REDCap data dictionary converters share: the result
 * of reading a file (a definition with what was mapped and what was left out, or the problems by
 * sheet and row), the last check through the definition schema with its problems traced back to
 * the rows they came from, and the small rules for cells (yes/no, whole numbers, texts).
 */

/** A definition read from a file, with what the researcher should see before it is stored. */
export interface ConvertedInstrument {
  definition: InstrumentDefinition;
  /** How rows became questions ("rij 5, veld mz_rol: radio → keuzevraag …"), in the file's order. */
  mapped: string[];
  /** Rows and features that did not come along, each with the reason. */
  leftOut: string[];
}

export type Conversion = ({ ok: true } & ConvertedInstrument) | { ok: false; problems: string[] };

/** Turns a schema issue into a Dutch line, given where in the file it is; the services pass their own (field names in Dutch). */
export type DescribeSchemaProblem = (issue: z.core.$ZodIssue, locate: (path: readonly PropertyKey[]) => string) => string;

const plainDescribe: DescribeSchemaProblem = (issue, locate) => `${locate(issue.path)}: ${issue.message}`;

/** The most problems listed; the rest are counted. */
export const MAX_PROBLEMS = 30;

/** The problems as listed to the researcher: at most MAX_PROBLEMS, then how many more. */
export function cappedProblems(problems: readonly string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems];
  return [...problems.slice(0, MAX_PROBLEMS), `en nog ${problems.length - MAX_PROBLEMS} andere problemen`];
}

/** Where the parts of a built definition came from in the file: per list, the place of each entry. */
export interface Origins {
  items: string[];
  scales: string[];
  subscales: string[];
  sections: string[];
  /** Where the instrument's own fields (id, name, …) come from. */
  instrument: string;
  /** The file's own names for the definition's fields (`showWhen` is the column `relevant`), so a problem names what the author sees. */
  fields?: Record<string, string>;
}

/**
 * Checks a definition built from a file's rows with the one definition schema, and names each
 * problem by the row it came from ("Blad survey, rij 12 (co_app): …"). The conditions' problems
 * (unknown item, cycle) come from the schema too, so they read the same as for a JSON file.
 */
export function checkBuiltDefinition(raw: unknown, origins: Origins, notes: { mapped: string[]; leftOut: string[] }, describe: DescribeSchemaProblem = plainDescribe): Conversion {
  const parsed = instrumentDefinition.safeParse(raw);
  if (parsed.success) return { ok: true, definition: parsed.data, ...notes };
  const field = (key: PropertyKey) => origins.fields?.[String(key)] ?? String(key);
  const locate = (path: readonly PropertyKey[]) => {
    const [list, index, ...rest] = path;
    const places = typeof list === 'string' && list in origins && list !== 'instrument' ? (origins[list as keyof Omit<Origins, 'instrument'>] as string[]) : null;
    if (places && typeof index === 'number' && places[index] !== undefined) {
      return rest.length > 0 ? `${places[index]} → ${rest.map(field).join(' → ')}` : places[index];
    }
    return path.length > 0 ? `${origins.instrument} → ${path.map(field).join(' → ')}` : origins.instrument;
  };
  return { ok: false, problems: cappedProblems(parsed.error.issues.map((issue) => describe(issue, locate))) };
}

/** A cell's text, trimmed; an empty or missing cell is ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

const YES = new Set(['yes', 'y', 'true', 'true()', 'ja', 'j', '1']);
const NO = new Set(['no', 'n', 'false', 'false()', 'nee', '0']);

/** A yes/no cell: true, false, undefined when empty, or null when it is neither. */
export function yesNo(value: unknown): boolean | undefined | null {
  const text = cellText(value).toLowerCase();
  if (text === '') return undefined;
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

/** A whole number in a cell (a number or its text), or null. */
export function wholeNumber(value: unknown): number | null {
  const text = cellText(value);
  if (!/^-?\d{1,15}(\.0+)?$/.test(text)) return null;
  return Number.parseInt(text, 10);
}

/** A text in the instrument's languages: Dutch always, English when the instrument has it. */
export function localized(nl: string, en: string | undefined, english: boolean): LocalizedText {
  return english ? { nl, en: en ?? '' } : { nl };
}

/** A short label from a question's text when the file gives none: its first line, at most 80 characters. */
export function shortLabelFrom(text: string): string {
  const first = text.split('\n')[0]!.trim();
  return first.length <= 80 ? first : `${first.slice(0, 79).trimEnd()}…`;
}

/**
 * An instrument id from a name in the file (a form id, a REDCap form name, a file name):
 * lowercase letters, digits and dashes, starting with a letter, at most 64 characters.
 */
export function instrumentIdFrom(name: string): string {
  const id = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return id.length >= 2 ? id : `vragenlijst${id ? `-${id}` : ''}`;
}

/** What an instrument says about itself when the file does not: where it came from, and that its licence is unknown. */
export function defaultTexts(source: string, english: boolean) {
  return {
    attribution: localized(`Geïmporteerd uit ${source}; vul de bronvermelding aan.`, `Imported from ${source}; please add the attribution.`, english),
    licence: localized('Niet opgegeven.', 'Not specified.', english),
  };
}

/** The default number of characters of an open answer when the file does not say. */
export const DEFAULT_OPEN_LENGTH = 2000;

/** One "this item has this code" in a condition, as a file's syntax spells it. */
export interface ConditionAtom {
  item: string;
  code: number;
}

/**
 * A condition as "show when Y is one of these codes": atoms joined by `or`, all on the same item
 * (XLSForm `${y} = '3' or selected(${y}, '4')`, REDCap `[y] = '3' or [y(4)] = '1'`). Anything else
 * (`and`, `not`, comparisons, several items) gives the reason it cannot be taken over.
 */
export function orOfCodes(expression: string, atom: (part: string) => ConditionAtom | null): { item: string; anyOf: number[] } | { refused: string } {
  const parts = expression
    .trim()
    .split(/\s+or\s+/i)
    .map((part) => part.trim().replace(/^\((.*)\)$/s, '$1').trim());
  const atoms: ConditionAtom[] = [];
  for (const part of parts) {
    const found = atom(part);
    if (!found) return { refused: `het deel “${part}” is geen vergelijking van één vraag met één antwoordcode` };
    atoms.push(found);
  }
  const items = [...new Set(atoms.map((a) => a.item))];
  if (items.length > 1) return { refused: `de voorwaarde kijkt naar meer dan één vraag (${items.join(', ')})` };
  return { item: items[0]!, anyOf: atoms.map((a) => a.code) };
}
