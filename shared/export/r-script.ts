/**
 * An R script beside the CSV: reads it with the right separator, decimal mark and encoding (text
 * columns as text, so respondent code `001` stays `"001"`), turns the date columns into
 * date-times, and attaches variable labels (`label`) and value labels (`labels`, the convention
 * of haven and labelled). A commented block sets the not-scored codes to NA for analysis.
 */
import { decimalMarkFor, type CsvSeparator } from './csv';
import type { Table } from './table';

export interface RScriptOptions {
  csvFileName: string;
  folder: string;
  separator: CsvSeparator;
  title: string;
  language: 'nl' | 'en';
}

/** An R string literal. */
export function rString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** `name <- c(` (or `list(`), then one `key = value` entry a line with commas between them, then `)`. */
function rAssignNamed(name: string, make: 'c' | 'list', entries: readonly string[]): string[] {
  return [`${name} <- ${make}(`, ...entries.map((entry, i) => `  ${entry}${i < entries.length - 1 ? ',' : ''}`), ')'];
}

export function rScript(table: Table, options: RScriptOptions): string {
  const nl = options.language === 'nl';
  const dec = decimalMarkFor(options.separator);
  const out: string[] = [];
  out.push('# Encoding: UTF-8');
  out.push(`# ${options.title.replace(/[\r\n]+/g, ' ')}`);
  out.push(
    nl
      ? `# Leest ${options.csvFileName} in en zet variabele- en waardelabels. Staat het bestand ergens anders, pas dan 'map' aan.`
      : `# Reads ${options.csvFileName} and sets variable and value labels. If the file is elsewhere, change 'folder'.`,
  );
  out.push('');
  out.push(`${nl ? 'map' : 'folder'} <- ${rString(options.folder)}`);
  out.push(`csv <- ${rString(options.csvFileName)}`);
  out.push(`if (!file.exists(csv)) csv <- file.path(${nl ? 'map' : 'folder'}, csv)`);
  // Text columns are read as text: R would otherwise turn respondent code 001 into the number 1.
  const texts = table.columns.filter((c) => c.kind === 'text');
  out.push(nl ? '# Tekstkolommen als tekst inlezen, zodat een code als 001 niet het getal 1 wordt' : '# Read text columns as text, so that a code such as 001 does not become the number 1');
  out.push('text_columns <- c(');
  texts.forEach((c, i) => out.push(`  ${rString(c.name)}${i < texts.length - 1 ? ',' : ''}`));
  out.push(')');
  out.push(
    `data <- read.csv(csv, sep = ${rString(options.separator)}, dec = ${rString(dec)}, fileEncoding = "UTF-8-BOM", na.strings = "", stringsAsFactors = FALSE, check.names = FALSE,\n  colClasses = setNames(rep("character", length(text_columns)), text_columns))`,
  );
  out.push('');

  const moments = table.columns.filter((c) => c.kind === 'datetime');
  const dates = table.columns.filter((c) => c.kind === 'date');
  for (const c of moments) {
    // From the ISO text with its UTC offset when there is one: local time repeats an hour in autumn.
    // (R before 4.3 reads the offset only without its colon: +01:00 becomes +0100.)
    out.push(
      c.exactText
        ? `data[[${rString(c.name)}]] <- as.POSIXct(sub(${rString('([+-][0-9]{2}):([0-9]{2})$')}, ${rString('\\1\\2')}, data[[${rString(c.exactText)}]]), format = "%Y-%m-%dT%H:%M:%S%z")`
        : `data[[${rString(c.name)}]] <- as.POSIXct(data[[${rString(c.name)}]], format = "%Y-%m-%d %H:%M:%S")`,
    );
  }
  for (const c of dates) out.push(`data[[${rString(c.name)}]] <- as.Date(data[[${rString(c.name)}]])`);
  if (moments.length || dates.length) out.push('');

  out.push(nl ? '# Variabelelabels' : '# Variable labels');
  out.push(...rAssignNamed('variable_labels', 'c', table.columns.map((c) => `${rString(c.name)} = ${rString(c.label ?? c.name)}`)));
  out.push('for (v in names(variable_labels)) attr(data[[v]], "label") <- unname(variable_labels[[v]])');
  out.push('');

  const labelled = table.columns.filter((c) => c.kind === 'integer' && c.valueLabels?.length);
  if (labelled.length) {
    out.push(nl ? '# Waardelabels (code per label)' : '# Value labels (code per label)');
    out.push(...rAssignNamed('value_labels', 'list', labelled.map((c) => `${rString(c.name)} = c(${c.valueLabels!.map((vl) => `${rString(vl.label)} = ${vl.code}`).join(', ')})`)));
    out.push('for (v in names(value_labels)) attr(data[[v]], "labels") <- value_labels[[v]]');
    out.push('');
  }

  const withMissing = table.columns.filter((c) => c.kind === 'integer' && c.missingCodes?.length);
  if (withMissing.length) {
    out.push(nl ? '# Niet-gescoorde codes (zoals 9 = weet niet / n.v.t.) per variabele' : '# Not-scored codes (such as 9 = don\u2019t know / n/a) per variable');
    out.push(...rAssignNamed('not_scored', 'list', withMissing.map((c) => `${rString(c.name)} = c(${c.missingCodes!.join(', ')})`)));
    out.push(nl ? '# Voor analyses: zet ze op NA in een kopie.' : '# For analyses: set them to NA in a copy.');
    out.push('# analysis <- data');
    out.push('# for (v in names(not_scored)) analysis[[v]][analysis[[v]] %in% not_scored[[v]]] <- NA');
  }
  return `${out.join('\n')}\n`;
}
