import type { InstrumentSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { builtInInstruments, instrumentDefinition, type InstrumentDefinition } from '../../../shared/instruments';
import type { LanguageMismatch } from '../../../shared/instruments/languages';
import { appendAudit } from '../../db/repositories/audit';
import type { Db } from '../../db/open';
import * as repo from '../../db/repositories/instruments';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { describeIssue } from '../validation';

export function seedBuiltInInstruments(db: Db, deviceId: string, now: string): void {
  db.transaction(() => {
    for (const def of builtInInstruments) repo.insertInstrumentIfMissing(db, deviceId, def, true, now);
  })();
}

// Parsed definitions by id@version. A version in use is frozen (triggers refuse changes); only the
// editor replaces a version that is not (saveInstrumentDraft), and it forgets the cached one.
const cache = new WeakMap<Db, Map<string, InstrumentDefinition>>();

export function loadInstrument(ctx: Pick<ServiceContext, 'db'>, instrumentId: string, version: number): InstrumentDefinition {
  let perDb = cache.get(ctx.db);
  if (!perDb) cache.set(ctx.db, (perDb = new Map()));
  const key = `${instrumentId}@${version}`;
  let def = perDb.get(key);
  if (!def) {
    def = repo.getInstrument(ctx.db, instrumentId, version);
    if (!def) throw new ApiError('NOT_FOUND', `Vragenlijst ${instrumentId} versie ${version} bestaat niet in deze database.`);
    perDb.set(key, def);
  }
  return def;
}

/** Drops a version from the cache after the editor replaced it. */
export function forgetCachedInstrument(ctx: Pick<ServiceContext, 'db'>, instrumentId: string, version: number): void {
  cache.get(ctx.db)?.delete(`${instrumentId}@${version}`);
}

const listNames: Record<string, string> = { items: 'vraag', scales: 'antwoordschaal', subscales: 'schaal', sections: 'onderdeel', options: 'antwoord', notScored: 'notScored-antwoord' };

/** The definition's fields in Dutch; the file's own key follows in brackets, so the author can find it. */
const definitionFieldNames: Record<string, string> = {
  id: 'id',
  version: 'versie',
  languages: 'talen',
  name: 'naam',
  description: 'beschrijving',
  attribution: 'bronvermelding',
  licence: 'licentie',
  scales: 'antwoordschalen',
  items: 'vragen',
  subscales: 'schalen',
  sections: 'onderdelen',
  options: 'antwoorden',
  notScored: 'niet gescoorde antwoorden',
  code: 'code',
  label: 'korte naam',
  text: 'vraagtekst',
  type: 'soort vraag',
  scale: 'antwoordschaal',
  reverse: 'omgekeerd gescoord',
  optionHelp: 'uitleg bij antwoorden',
  min: 'kleinste getal',
  max: 'grootste getal',
  maxLength: 'grootste lengte',
  minAnsweredShare: 'deel dat beantwoord moet zijn',
  title: 'titel',
  intro: 'inleiding',
  nl: 'Nederlands',
  en: 'Engels',
};

const definitionField = (key: string) => {
  const dutch = definitionFieldNames[key];
  return dutch === undefined || dutch === key ? key : `${dutch} (${key})`;
};

/**
 * Where in an imported definition a problem is, in Dutch and in the file's own terms:
 * "vraag 4 (tk_04) → vraagtekst (text)" names the list entry by position and id, so the author can find it.
 */
export function locateInDefinition(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'het bestand';
  const parts: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const listName = listNames[String(path[i - 1])];
      const id = next !== null && typeof next === 'object' ? (next as { id?: unknown }).id : undefined;
      const label = `${listName ?? 'nr.'} ${key + 1}${typeof id === 'string' ? ` (${id})` : ''}`;
      if (listName) parts[parts.length - 1] = label;
      else parts.push(label);
    } else parts.push(definitionField(String(key)));
    node = next;
  }
  return parts.join(' → ');
}

/** The first problems of an invalid definition, as Dutch lines "where: what". */
function listProblems(issues: readonly z.core.$ZodIssue[], raw: unknown): string {
  const lines = issues.slice(0, 10).map((issue) => describeIssue(issue, (path) => locateInDefinition(raw, path)));
  const more = issues.length > 10 ? ` (en nog ${issues.length - 10} andere)` : '';
  return lines.join('; ') + more;
}

const mismatchOf = (issue: z.core.$ZodIssue): LanguageMismatch | undefined =>
  issue.code === 'custom' ? (issue.params as { instrumentLanguage?: LanguageMismatch } | undefined)?.instrumentLanguage : undefined;

/** What to do about texts whose English does not fit the instrument's languages. */
const mismatchAdvice: Record<LanguageMismatch, string> = {
  'english-missing': 'vul het Engels overal aan, of maak er een vragenlijst in alleen het Nederlands van: zet "languages": ["nl"] en haal alle Engelse teksten weg',
  'english-superfluous': 'haal die Engelse teksten weg, of zet "languages": ["nl", "en"] en geef elke tekst ook in het Engels',
};

/**
 * The texts whose English does not fit the declared languages, each by its place ("vraag 3
 * (x_03) → vraagtekst (text): Engels ontbreekt"), up to 20 of each kind, then what to do.
 */
function listLanguageMismatches(issues: readonly z.core.$ZodIssue[], raw: unknown): string[] {
  return (Object.keys(mismatchAdvice) as LanguageMismatch[]).flatMap((mismatch) => {
    const places = issues.filter((issue) => mismatchOf(issue) === mismatch).map((issue) => `${locateInDefinition(raw, issue.path.slice(0, -1))}: ${issue.message}`);
    if (places.length === 0) return [];
    const shown = places.slice(0, 20);
    if (places.length > 20) shown[19] += ` (en nog ${places.length - 20} andere)`;
    return [...shown, mismatchAdvice[mismatch]];
  });
}

/**
 * Imports a user's instrument definition (for licensed instruments we may not ship). An invalid
 * file is refused with a list of what is wrong and nothing is stored; an existing id and version
 * is never overwritten: edits need a new version number.
 */
export function importInstrument(ctx: ServiceContext, definitionJson: string): InstrumentSummary {
  return storeImportedInstrument(ctx, parseDefinitionJson(definitionJson));
}

/** A definition from a JSON file's text, checked by the schema; refused with every problem by place. */
export function parseDefinitionJson(definitionJson: string): InstrumentDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(definitionJson);
  } catch {
    throw new ApiError('VALIDATION', 'Dit bestand is geen geldige JSON. Kies een vragenlijstdefinitie die uit Netwerkspiegel is geëxporteerd of die het schema volgt.');
  }
  const parsed = instrumentDefinition.safeParse(raw);
  if (!parsed.success) {
    const others = parsed.error.issues.filter((issue) => mismatchOf(issue) === undefined);
    const languages = listLanguageMismatches(parsed.error.issues, raw);
    const problems = others.length > 0 ? [listProblems(others, raw)] : [];
    throw new ApiError('VALIDATION', `Deze vragenlijstdefinitie klopt niet: ${[...problems, ...languages].join('; ')}. Er is niets opgeslagen.`);
  }
  return parsed.data;
}

/**
 * Stores a checked definition with its audit entry, in one transaction; CONFLICT when this id and
 * version is already there. `details` says where it came from (a file's format) for the audit log.
 */
export function storeImportedInstrument(ctx: ServiceContext, def: InstrumentDefinition, details?: Record<string, unknown>): InstrumentSummary {
  return ctx.db.transaction(() => {
    const existing = repo.getInstrument(ctx.db, def.id, def.version);
    if (existing) {
      throw new ApiError(
        'CONFLICT',
        JSON.stringify(existing) === JSON.stringify(def)
          ? `Vragenlijst ${def.id} versie ${def.version} staat al in deze database; er is niets gewijzigd.`
          : `Vragenlijst ${def.id} versie ${def.version} bestaat al met een andere inhoud. Geef de gewijzigde vragenlijst een hoger versienummer.`,
      );
    }
    const now = ctx.now();
    repo.insertInstrumentIfMissing(ctx.db, ctx.deviceId, def, false, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'instrument.imported', entity: 'instrument', entityId: `${def.id}@${def.version}`, ...(details ? { details } : {}) }, now);
    return summaryOf(ctx, def);
  }).immediate();
}

/** The list entry of one stored version. */
export function summaryOf(ctx: Pick<ServiceContext, 'db'>, def: InstrumentDefinition): InstrumentSummary {
  return repo.listInstruments(ctx.db).find((i) => i.instrumentId === def.id && i.version === def.version)!;
}
