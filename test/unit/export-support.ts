/**
 * Helpers for the export tests: a small parser for the SPSS syntax we write (enough to check its
 * structure, not a general SPSS parser) and a reader for the raw XML inside an .xlsx (to prove
 * that no cell carries a formula).
 */
import * as XLSX from 'xlsx';

/** Hostile strings: each would run as a formula if typed into a spreadsheet cell. */
export const HOSTILE = ['=HYPERLINK("http://evil.example","klik")', '+1', '-2+3', '@SUM(A1:A2)', '\tx', '\rx'];

export interface ParsedSps {
  decimal: string | null;
  file: string | null;
  encoding: string | null;
  delimiter: string | null;
  qualifier: string | null;
  firstCase: number | null;
  /** Variables of GET DATA with their input formats, in order. */
  variables: { name: string; format: string }[];
  variableLabels: Map<string, string>;
  valueLabels: Map<string, Map<number, string>>;
  missing: Map<string, number[]>;
  levels: Map<string, string>;
  /** Every command ends with a period at the end of a line. */
  commands: string[];
}

/** Joins `'a' + 'b'` continuations and undoes doubled quotes. */
function unquote(text: string): string {
  const parts = [...text.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
  return parts.join('');
}

/** Splits syntax into commands: a command ends with a period as the last character of a line. */
function splitCommands(syntax: string): string[] {
  const commands: string[] = [];
  let current: string[] = [];
  for (const raw of syntax.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (current.length === 0 && (raw.trim() === '' || raw.startsWith('*'))) {
      if (raw.startsWith('*') && !raw.trimEnd().endsWith('.')) throw new Error(`comment without closing period: ${raw}`);
      continue;
    }
    current.push(raw);
    if (raw.trimEnd().endsWith('.') && !/'[^']*$/.test(raw.trimEnd().slice(0, -1).replace(/'(?:[^']|'')*'/g, ''))) {
      commands.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length) throw new Error(`unterminated command: ${current.join('\n').slice(0, 200)}`);
  return commands;
}

export function parseSps(syntax: string): ParsedSps {
  const commands = splitCommands(syntax);
  const out: ParsedSps = {
    decimal: null,
    file: null,
    encoding: null,
    delimiter: null,
    qualifier: null,
    firstCase: null,
    variables: [],
    variableLabels: new Map(),
    valueLabels: new Map(),
    missing: new Map(),
    levels: new Map(),
    commands,
  };
  for (const command of commands) {
    const head = command.trimStart().split(/\s|\//)[0]!.toUpperCase();
    const body = command.replace(/\.\s*$/, '');
    if (head === 'SET') out.decimal = /DECIMAL=(\w+)/.exec(body)?.[1] ?? out.decimal;
    else if (head === 'GET') {
      out.file = unquote(/\/FILE=((?:\s*(?:\+\s*)?'(?:[^']|'')*')+)/.exec(body)?.[1] ?? '');
      out.encoding = /\/ENCODING='([^']*)'/.exec(body)?.[1] ?? null;
      out.delimiter = /\/DELIMITERS="([^"]*)"/.exec(body)?.[1] ?? null;
      out.qualifier = /\/QUALIFIER='([^']*)'/.exec(body)?.[1] ?? null;
      out.firstCase = Number(/\/FIRSTCASE=(\d+)/.exec(body)?.[1] ?? NaN);
      const vars = body.split('/VARIABLES=')[1] ?? '';
      for (const m of vars.matchAll(/^\s*([a-z][a-z0-9_]*)\s+([A-Z]+[\d.]+)\s*$/gm)) out.variables.push({ name: m[1]!, format: m[2]! });
    } else if (head === 'VARIABLE' && /^VARIABLE LABELS/.test(body.trimStart())) {
      const rest = body.trimStart().slice('VARIABLE LABELS'.length);
      for (const entry of rest.split(/\n\s*\//)) {
        const m = /^\s*\/?([a-z][a-z0-9_]*)\s+([\s\S]*)$/.exec(entry);
        if (m) out.variableLabels.set(m[1]!, unquote(m[2]!));
      }
    } else if (head === 'VALUE') {
      const rest = body.trimStart().slice('VALUE LABELS'.length);
      for (const entry of rest.split(/\n\s*\//)) {
        const lines = entry.split('\n').map((l) => l.trim()).filter(Boolean);
        const name = lines.shift()?.replace(/^\//, '');
        if (!name) continue;
        const labels = new Map<number, string>();
        for (const line of lines) {
          const m = /^(-?\d+)\s+(.*)$/.exec(line);
          if (m) labels.set(Number(m[1]), unquote(m[2]!));
        }
        out.valueLabels.set(name, labels);
      }
    } else if (head === 'MISSING') {
      const m = /^MISSING VALUES\s+([\s\S]*?)\s*\(([^)]*)\)$/.exec(body.trim());
      if (m) for (const name of m[1]!.split(/\s+/)) out.missing.set(name, m[2]!.split(',').map((c) => Number(c.trim())));
    } else if (head === 'VARIABLE' && /^VARIABLE LEVEL/.test(body.trimStart())) {
      const rest = body.trimStart().slice('VARIABLE LEVEL'.length);
      for (const group of rest.split(/\n\s*\//)) {
        const m = /^\s*\/?([\s\S]*?)\s*\((\w+)\)\s*$/.exec(group);
        if (m) for (const name of m[1]!.split(/\s+/).filter(Boolean)) out.levels.set(name, m[2]!);
      }
    }
  }
  return out;
}

/** The XML text of every file inside an .xlsx (a zip), by path. */
export function xlsxParts(bytes: Buffer): Map<string, string> {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  const parts = new Map<string, string>();
  zip.FullPaths.forEach((path: string, i: number) => {
    const entry = zip.FileIndex[i];
    if (entry && entry.type === 2 && entry.content) parts.set(path.replace(/^Root Entry\//, ''), Buffer.from(entry.content as Uint8Array).toString('utf8'));
  });
  return parts;
}

/** The text of each shared string (its `<t>` runs joined, escapes undone), in order. */
function sharedStrings(sst: string): string[] {
  return [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1]!).join(''),
  );
}

/**
 * Every cell in the workbook that is a text cell holding no text: a shared string that is empty,
 * an inline string without text, or a formula-string result without text. As `Sheet!ref`.
 */
export function emptyTextCells(bytes: Buffer): string[] {
  const parts = xlsxParts(bytes);
  const strings = sharedStrings(parts.get('xl/sharedStrings.xml') ?? '');
  const names = [...(parts.get('xl/workbook.xml') ?? '').matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]!);
  const empty: string[] = [];
  names.forEach((name, i) => {
    const xml = parts.get(`xl/worksheets/sheet${i + 1}.xml`) ?? '';
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [, ref, attrs, body = ''] = c;
      const type = /\st="(\w+)"/.exec(attrs!)?.[1];
      const inner = (tag: string) => new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(body)?.[1] ?? '';
      const isEmpty =
        (type === 's' && strings[Number(inner('v'))] === '') ||
        (type === 'inlineStr' && inner('t') === '') ||
        (type === 'str' && inner('v') === '');
      if (isEmpty) empty.push(`${name}!${ref}`);
    }
  });
  return empty;
}
