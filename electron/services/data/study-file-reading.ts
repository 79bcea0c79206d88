import { createHash, type Hash } from 'node:crypto';
import type { z } from 'zod';
import { ApiError } from '../../../shared/errors';
import {
  FORBIDDEN_KEYS,
  STUDY_FILE_FORMAT,
  STUDY_FILE_MAX_CHARS,
  STUDY_FILE_VERSION,
  OPTIONAL_STUDY_TABLES,
  STUDY_TABLES,
  studyFileOutline,
  type StudyData,
  type StudyFile,
  type StudyTable,
} from '../../../shared/study';
import { isControlCharacterIssue } from '../../../shared/text-rules';
import { describeIssue } from '../validation';
import type { StudyFileProblems } from './study-file-problems';
import type { Steps } from './study-file-steps';

/**
 * Reading a study file: JSON, the format marker and version, forbidden keys, the checksum, then
 * every field of every row against the API's own rules (shared/study.ts). Everything after
 * `JSON.parse` runs in steps (study-file-steps.ts). Field problems are gathered, not thrown one by
 * one, so the refusal names every kind of problem in the file.
 */

export const refused = (why: string) => new ApiError('VALIDATION', `${why} Er is niets gewijzigd.`);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The checksum a study file carries: over the manifest and the data exactly as serialised. */
export function studyChecksum(manifest: unknown, data: unknown): string {
  return sha256(JSON.stringify({ manifest, data }));
}

/**
 * `studyChecksum`, computed in steps: the same text is hashed, the large lists a row at a time
 * (JSON.stringify writes an object's keys in the order Object.keys gives them, skips undefined
 * values in objects and writes them as null in lists; parsed JSON holds no other kind of value).
 */
export async function studyChecksumInSteps(manifest: unknown, data: unknown, steps: Steps): Promise<string> {
  const hash = createHash('sha256');
  await hashJson(hash, { manifest, data }, 3, steps);
  return hash.digest('hex');
}

async function hashJson(hash: Hash, value: unknown, depth: number, steps: Steps): Promise<void> {
  if (depth === 0 || value === null || typeof value !== 'object') {
    hash.update(JSON.stringify(value) ?? 'null', 'utf8');
    return;
  }
  if (Array.isArray(value)) {
    hash.update('[');
    let batch: string[] = [];
    for (let i = 0; i < value.length; i++) {
      if (depth > 1) {
        if (i > 0) hash.update(',');
        await hashJson(hash, value[i], depth - 1, steps);
        continue;
      }
      batch.push(JSON.stringify(value[i]) ?? 'null');
      if (batch.length === 1000) {
        hash.update(`${i + 1 > batch.length ? ',' : ''}${batch.join(',')}`, 'utf8');
        batch = [];
        await steps.breathe();
      }
    }
    if (batch.length > 0) hash.update(`${value.length > batch.length ? ',' : ''}${batch.join(',')}`, 'utf8');
    hash.update(']');
    return;
  }
  hash.update('{');
  let first = true;
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    hash.update(`${first ? '' : ','}${JSON.stringify(key)}:`, 'utf8');
    first = false;
    await hashJson(hash, child, depth - 1, steps);
  }
  hash.update('}');
}

/** The first forbidden key anywhere in a parsed JSON value (iterative: a deeply nested file cannot overflow the stack). */
async function findForbiddenKey(value: unknown, steps: Steps): Promise<string | null> {
  const stack: unknown[] = [value];
  let visited = 0;
  while (stack.length > 0) {
    if ((++visited & 4095) === 0) await steps.breathe();
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.includes(key)) return key;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return null;
}

/** A row of each table in Dutch, as problems name it ("antwoord 13"). */
export const ROW_NAMES: Record<StudyTable, string> = {
  networks: 'netwerk',
  organisations: 'organisatie',
  instruments: 'vragenlijst',
  waves: 'meting',
  wave_instruments: 'vragenlijst van meting',
  occasions: 'MDO',
  respondents: 'respondent',
  responses: 'ingevulde vragenlijst',
  answers: 'antwoord',
  audit_log: 'logregel',
  erasures: 'wissing',
  link_decisions: 'koppelbesluit',
  discarded_responses: 'weggegooide vragenlijst',
  removed_organisations: 'verwijderde organisatie',
  relation_answers: 'antwoord over een partnerorganisatie',
};

/** "antwoord 13 → value": where in the file a problem is, by table and row number. */
function locateInStudyFile(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (key === 'data') continue;
    if (typeof key === 'number') {
      const table = ROW_NAMES[String(path[i - 1]) as StudyTable];
      if (table) parts[parts.length - 1] = `${table} ${key + 1}`;
      else parts.push(`nr. ${key + 1}`);
    } else parts.push(String(key));
  }
  return parts.length > 0 ? parts.join(' → ') : 'het bestand';
}

const DATE_FIELD = /(^at$|_at$|At$|_date$)/;

/** Files a zod issue under its kind of problem, with where it is as the example. */
function addIssue(problems: StudyFileProblems, issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): void {
  const full = { ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodIssue;
  const example = describeIssue(full, locateInStudyFile);
  const field = issue.path[issue.path.length - 1];
  if (issue.code === 'unrecognized_keys') problems.add('unknownField', `${locateInStudyFile(full.path)} → ${issue.keys.join(', ')}`);
  else if (isControlCharacterIssue(issue as { code: string; params?: Record<string, unknown> })) problems.add('controlCharacters', example);
  else if (typeof field === 'string' && DATE_FIELD.test(field) && issue.code !== 'invalid_type') problems.add('invalidDate', example);
  else problems.add('invalidValue', example);
}

/** A version-1 file (checksum already checked) read as version 2: the same data without link decisions. */
function fromVersion1(record: Record<string, unknown>): Record<string, unknown> {
  const data = record['data'];
  if (data === null || typeof data !== 'object' || Array.isArray(data) || 'link_decisions' in data) return record;
  return { ...record, formatVersion: STUDY_FILE_VERSION, data: { ...data, link_decisions: [] } };
}

/** A file (checksum already checked) without a table that may be left out, read with that table empty. */
function withOptionalTables(record: Record<string, unknown>): Record<string, unknown> {
  const data = record['data'];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return record;
  const missing = OPTIONAL_STUDY_TABLES.filter((table) => !(table in data));
  if (missing.length === 0) return record;
  return { ...record, data: { ...data, ...Object.fromEntries(missing.map((table) => [table, []])) } };
}

/** A study file read: its valid rows as the API would store them, and the ids of the rows that are not valid. */
export interface ReadStudyFile {
  file: StudyFile;
  /** Ids (for instruments "id@version") of rows left out because a field is wrong; their problems are in `problems`. */
  invalidIds: Set<string>;
}

/**
 * Parses and checks a study file, in this order: JSON, the format marker, the format version,
 * forbidden keys, the checksum and the file's outline (each refuses at once), then every field of
 * every row (strict: unknown fields are refused). Field problems go to `problems`; the rows with
 * them are left out, so the checks that follow can still name the file's other problems. Returns
 * the rows with the fields as the API would store them (names trimmed, codes in capitals).
 */
export async function readStudyFile(content: string, steps: Steps, problems: StudyFileProblems): Promise<ReadStudyFile> {
  if (content.length > STUDY_FILE_MAX_CHARS) throw refused(`Dit bestand is te groot voor een studiebestand (meer dan ${STUDY_FILE_MAX_CHARS / 1_000_000} MB).`);
  steps.phase('reading', 1);
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw refused('Dit is geen Netwerkspiegel-studiebestand: de inhoud is geen geldige JSON.');
  }
  await steps.breathe();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== STUDY_FILE_FORMAT) {
    throw refused('Dit is geen Netwerkspiegel-studiebestand. Kies een bestand dat met "Studiebestand exporteren" is gemaakt.');
  }
  const record = raw as Record<string, unknown>;
  const version = record['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw refused('Dit studiebestand heeft geen geldige formaatversie.');
  }
  if (version > STUDY_FILE_VERSION) {
    throw refused(
      `Dit studiebestand is gemaakt met een nieuwere versie van Netwerkspiegel (formaatversie ${version}; deze app kent versie ${STUDY_FILE_VERSION}). Werk de app bij en probeer het opnieuw.`,
    );
  }
  if (version !== STUDY_FILE_VERSION && version !== 1) throw refused(`Deze formaatversie van een studiebestand (${version}) kent deze app niet.`);
  const forbidden = await findForbiddenKey(raw, steps);
  if (forbidden !== null) throw refused(`Dit studiebestand bevat de niet-toegestane sleutel "${forbidden}" en wordt daarom geweigerd.`);
  const checksum = (record['checksum'] as { value?: unknown } | undefined)?.value;
  if (typeof checksum !== 'string' || checksum !== (await studyChecksumInSteps(record['manifest'], record['data'], steps))) {
    throw refused('Het controlegetal van dit studiebestand klopt niet: het bestand is beschadigd of na het exporteren gewijzigd. Exporteer het opnieuw.');
  }

  const outline = studyFileOutline.safeParse(withOptionalTables(version === 1 ? fromVersion1(record) : record));
  if (!outline.success) {
    for (const issue of outline.error.issues) addIssue(problems, issue, []);
    problems.throwIfAny();
    throw refused('Dit studiebestand klopt niet.');
  }
  const tables = Object.keys(STUDY_TABLES) as StudyTable[];
  steps.phase(
    'reading',
    tables.reduce((n, t) => n + outline.data.data[t].length, 0),
  );
  const data = {} as Record<StudyTable, unknown[]>;
  const invalidIds = new Set<string>();
  for (const table of tables) {
    const schema = STUDY_TABLES[table][0] as z.ZodType;
    const parsed: unknown[] = [];
    await steps.each(outline.data.data[table], (row, i) => {
      const result = schema.safeParse(row);
      if (result.success) {
        parsed.push(result.data);
        return;
      }
      for (const issue of result.error.issues) addIssue(problems, issue, ['data', table, i]);
      const r = (row ?? {}) as Record<string, unknown>;
      invalidIds.add(table === 'instruments' ? `${String(r['instrument_id'])}@${String(r['version'])}` : String(r['id']));
    });
    data[table] = parsed;
  }
  return { file: { ...outline.data, data: data as unknown as StudyData }, invalidIds };
}
