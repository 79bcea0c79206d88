import type { TFunction } from 'i18next';
import { ApiError } from '../../../../shared/errors';
import type { Locale } from '../../../../shared/text';
import { localized } from '../../i18n';
import { messageOf } from '../../lib/errors';
import type { CellAnswer, PaperColumn } from './columns';

/**
 * The sentence for a refused cell of the paper grid. When the main process says it refused this
 * very answer (`ApiError.answer`), the grid says why in the researcher's language, from the
 * column: what was typed and what the question takes. Its Dutch sentence names the variable
 * (`ks_bel_02`), which the paper form does not show; the cell's label in the error list names the
 * question's number ("Vraag 6, respondent P-001: …"). Any other refusal is shown as written.
 */
export function cellErrorOf(err: unknown, column: PaperColumn, answer: CellAnswer, t: TFunction, locale: Locale): string {
  const refusal = err instanceof ApiError ? err.answer : undefined;
  if (!refusal || refusal.instrumentId !== column.instrumentId || refusal.itemId !== column.itemId) return messageOf(err, t('errors.unexpected'));
  if (refusal.rule === 'too-long') return t('paperGrid.tooLong', { max: column.maxLength ?? 0, length: answer.text?.length ?? 0 });
  if (column.kind === 'open') return t('paperGrid.openRefused');
  if (column.kind === 'multiple') return t('questionRules.gridMultipleRefused', { typed: answer.text ?? '', choices: choicesOf(column, t, locale) });
  const typed = answer.value !== null ? String(answer.value) : (answer.text ?? '');
  if (column.numberRange) return t('paperGrid.numberRefused', { typed, min: column.numberRange.min, max: column.numberRange.max });
  return t('paperGrid.choiceRefused', { typed, choices: choicesOf(column, t, locale) });
}

/** "1 tot en met 5 of 9 (Weet niet / n.v.t.)": the scored codes as a run when they follow each other, then each not-scored one with its label. */
function choicesOf(column: PaperColumn, t: TFunction, locale: Locale): string {
  const scored = column.legend.filter((o) => o.scored).map((o) => o.code);
  const consecutive = scored.length > 2 && scored.every((code, i) => i === 0 || code === scored[i - 1]! + 1);
  const parts = consecutive ? [t('paperGrid.codeRange', { min: scored[0], max: scored[scored.length - 1] })] : scored.map(String);
  for (const o of column.legend) if (!o.scored) parts.push(`${o.code} (${localized(o.label, locale)})`);
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(parts);
}
