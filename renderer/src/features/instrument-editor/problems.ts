import { instrumentDefinition } from '../../../../shared/instruments/schema';
import { allItems, type Draft } from './draft';
import { writeDefinition, type WrittenDefinition } from './definition';

/**
 * What is still wrong with a draft, decided by the one instrument schema the main process checks
 * an import and a save with, so the editor can never disagree with the save. (This puts zod in
 * the editor's own lazily loaded chunk only; see docs/decisions/2026-12-01-instrument-editor.md.)
 * Each problem is placed at the field it concerns: the schema's path (`items[3].label.nl`) becomes
 * the draft entry at that position (`item/i7/label.nl`), which the screen shows beside the field.
 */

/** How a problem is said: a few common ones in the UI's words, the rest with the schema's own Dutch message. */
export type ProblemRule =
  | 'empty'
  | 'tooLong'
  | 'notWholeNumber'
  | 'numberTooSmall'
  | 'numberTooBig'
  | 'instrumentIdRule'
  | 'variableNameRule'
  | 'duplicateName'
  | 'pickScale'
  | 'pickAnswer'
  | 'pickStatements'
  | 'sectionEmpty'
  | 'noItems'
  | 'tooFewOptions'
  | 'tooManyOptions'
  | 'schema';

export interface DraftProblem {
  /**
   * Where: 'id', 'name.nl', … for the questionnaire; `item/<key>/<field>`, `section/<key>/<field>`,
   * `subscale/<key>/<field>` and `scale/<id>/<field>` for its parts ('' as field: the part as a whole).
   */
  field: string;
  rule: ProblemRule;
  /** The schema's message (Dutch), used for rule 'schema'. */
  message: string;
  /** The limit a tooLong / numberTooSmall / numberTooBig problem names. */
  limit?: number;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  input?: unknown;
}

const segment = (path: PropertyKey[]) => path.map(String).join('.');

/** The field a schema path points at, in the draft's terms. */
export function fieldOf(written: WrittenDefinition, path: PropertyKey[], draft: Draft): string {
  const [list, index, ...rest] = path;
  if (typeof index !== 'number') return segment(path);
  const { places } = written;
  if (list === 'items') return `item/${places.items[index] ?? index}/${segment(rest)}`;
  if (list === 'sections') return `section/${places.sections[index] ?? index}/${segment(rest)}`;
  if (list === 'subscales') return `subscale/${places.subscales[index] ?? index}/${segment(rest)}`;
  if (list === 'scales') {
    const id = places.scales[index] ?? String(index);
    const [options, j, ...after] = rest;
    if ((options === 'options' || options === 'notScored') && typeof j === 'number') {
      const scale = draft.scales.find((s) => s.id === id);
      const code = scale?.[options][j]?.code ?? j;
      return `scale/${id}/option.${code}${after.length ? `.${segment(after)}` : ''}`;
    }
    return `scale/${id}/${segment(rest)}`;
  }
  return segment(path);
}

function ruleOf(issue: Issue, field: string): Pick<DraftProblem, 'rule' | 'limit'> {
  const last = String(issue.path.at(-1) ?? '');
  if (issue.code === 'too_small' && issue.origin === 'string') return { rule: 'empty' };
  if (issue.code === 'too_big' && issue.origin === 'string') return { rule: 'tooLong', limit: Number(issue.maximum) };
  if (issue.code === 'invalid_type' && typeof issue.input === 'number') return { rule: 'notWholeNumber' };
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_format') && last === 'scale') return { rule: 'pickScale' };
  if (issue.code === 'invalid_format' && field === 'id') return { rule: 'instrumentIdRule' };
  if (issue.code === 'invalid_format') return { rule: 'variableNameRule' };
  if (issue.code === 'too_small' && last === 'anyOf') return { rule: 'pickAnswer' };
  if (issue.code === 'too_small' && field.startsWith('subscale/')) return { rule: 'pickStatements' };
  if (issue.code === 'too_small' && field.startsWith('section/')) return { rule: 'sectionEmpty' };
  if (issue.code === 'too_small' && field === 'items') return { rule: 'noItems' };
  if (issue.code === 'too_small' && last === 'options') return { rule: 'tooFewOptions' };
  if (issue.code === 'too_big' && last === 'options') return { rule: 'tooManyOptions' };
  if (issue.code === 'too_small' && issue.origin === 'number') return { rule: 'numberTooSmall', limit: Number(issue.minimum) };
  if (issue.code === 'too_big' && issue.origin === 'number') return { rule: 'numberTooBig', limit: Number(issue.maximum) };
  return { rule: 'schema' };
}

/** Every problem of the draft, in the schema's order; empty when it can be saved. */
export function draftProblems(draft: Draft): DraftProblem[] {
  const written = writeDefinition(draft);
  const parsed = instrumentDefinition.safeParse(written.definition);
  if (parsed.success) return [];
  const items = allItems(draft);
  const names = new Map<string, number>();
  for (const item of items) names.set(item.id, (names.get(item.id) ?? 0) + 1);
  const shared = items.filter((i) => (names.get(i.id) ?? 0) > 1);
  const problems = parsed.error.issues.flatMap((raw): DraftProblem[] => {
    const issue = raw as unknown as Issue;
    // The editor places every question once; "question x is in the sections twice" only repeats that two share a name.
    if (issue.path.length === 1 && issue.path[0] === 'sections' && shared.length > 0) return [];
    // "Two questions have the same id" names no question; each question with a shared name gets it.
    if (issue.path.length === 1 && issue.path[0] === 'items' && issue.code === 'custom') {
      if (shared.length > 0) return shared.map((i) => ({ field: `item/${i.key}/id`, rule: 'duplicateName', message: issue.message }));
    }
    let field = fieldOf(written, issue.path, draft);
    // A number question's range (min below max, within the answer codes) is said beside its largest number.
    if (/^item\/[^/]+\/$/.test(field) && items.find((i) => field === `item/${i.key}/`)?.type === 'number') field += 'max';
    return [{ field, message: issue.message, ...ruleOf(issue, field) }];
  });
  // A field without a value (no scale picked) also fails the cross-checks ("unknown scale ''"): say the first only.
  const plainly = new Set(problems.filter((p) => p.rule !== 'schema').map((p) => p.field));
  return problems.filter((p) => p.rule !== 'schema' || !plainly.has(p.field));
}

/** The draft as the definition to save: JSON, for the contract's saveInstrumentDraft. */
export const definitionJson = (draft: Draft): string => JSON.stringify(writeDefinition(draft).definition);
