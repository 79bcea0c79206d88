/**
 * Formula neutralisation (CSV/formula injection). Text typed by respondents or researchers must
 * never turn into a formula when an advisor opens an export in Excel or LibreOffice. A spreadsheet
 * program treats a text field as a formula when it starts with `=`, `+`, `-` or `@`; a leading tab
 * or carriage return can hide such a character from a quick look and some importers strip it.
 *
 * - In the workbook every text is a string cell (`t: 's'`, shared string), never a cell with a
 *   formula; the text itself is kept as typed, because Excel never evaluates a string cell.
 * - In CSV there are no cell types, so a risky text gets a leading apostrophe (`'=SUM(A1)`), the
 *   usual neutralisation (OWASP); the apostrophe is visible, the text is otherwise unchanged.
 */

const RISKY_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when a spreadsheet program could read this text as the start of a formula. */
export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && RISKY_FIRST.has(text[0]!);
}

/** The text as it must appear in a CSV field: risky texts get a leading apostrophe. */
export function neutraliseForCsv(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
