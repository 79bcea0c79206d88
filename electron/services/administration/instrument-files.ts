import { randomUUID } from 'node:crypto';
import { openSync, closeSync, readSync, fstatSync } from 'node:fs';
import { basename, extname } from 'node:path';
import Papa from 'papaparse';
import type { ExportResult, InstrumentSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { InstrumentDefinition } from '../../../shared/instruments';
import { cappedProblems, type Conversion, type DescribeSchemaProblem } from '../../../shared/instruments/formats/conversion';
import { INSTRUMENT_FILE_EXTENSIONS, type InstrumentFileFormat, type InstrumentFilePreview } from '../../../shared/instruments/formats/files';
import { instrumentToRedcap, redcapToInstrument } from '../../../shared/instruments/formats/redcap';
import { instrumentToXlsform, xlsformToInstrument } from '../../../shared/instruments/formats/xlsform';
import type { SheetData } from '../../../shared/instruments/formats/sheets';
import { instrumentLanguages } from '../../../shared/instruments/languages';
import { appendAudit } from '../../db/repositories/audit';
import * as repo from '../../db/repositories/instruments';
import type { ServiceContext } from '../context';
import { writeFileAtomically } from '../files';
import { describeIssue } from '../validation';
import { writeWorkbook } from '../export/xlsx-writer';
import { loadInstrument, parseDefinitionJson, storeImportedInstrument } from './instruments';
import { readWorkbookSheets, WorkbookRefused } from './workbook-reading';

/**
 * Instruments as files the researcher picks: importing a JSON definition, an XLSForm-like
 * spreadsheet (.xlsx) or a REDCap data dictionary (.csv) in two steps (the main process asks for
 * the file and reads it, the screen shows what was taken over and left out, then the researcher
 * confirms), and exporting any stored version in each of the three. The converters are pure
 * (shared/instruments/formats/); here are the bytes: size limits, the workbook reader, CSV
 * through papaparse, text encodings, the file dialog and the audit log.
 */

/** The largest file read. An instrument's file is some tens of kilobytes; a larger one is refused unread. */
export const MAX_INSTRUMENT_FILE_BYTES = 5 * 1024 * 1024;

/** What the open dialog offers: which files, under which title. */
export interface ImportFileKind {
  title: string;
  filters: { name: string; extensions: string[] }[];
}

const IMPORT_KIND: ImportFileKind = {
  title: 'Vragenlijst importeren',
  filters: [
    { name: 'Vragenlijst (JSON, spreadsheet of REDCap-datadictionary)', extensions: ['json', 'xlsx', 'csv'] },
    { name: 'Netwerkspiegel-definitie (JSON)', extensions: ['json'] },
    { name: 'Spreadsheet zoals XLSForm (Excel-werkmap)', extensions: ['xlsx'] },
    { name: 'REDCap-datadictionary (CSV)', extensions: ['csv'] },
  ],
};

/** The one file read and checked, per ServiceContext, until it is imported or another is picked. */
const pending = new WeakMap<ServiceContext, { previewId: string; definition: InstrumentDefinition; format: InstrumentFileFormat; fileName: string }>();

const describe: DescribeSchemaProblem = (issue, locate) => describeIssue(issue, locate);

function refused(fileName: string, problems: readonly string[]): ApiError {
  return new ApiError('VALIDATION', `${fileName} kan niet worden geïmporteerd: ${cappedProblems(problems.map((p) => p.replace(/\.$/, ''))).join('; ')}. Er is niets opgeslagen.`);
}

/** The file's bytes, at most the limit; a larger file is refused without reading it. */
function readLimited(path: string, fileName: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new ApiError('VALIDATION', `${fileName} kon niet worden geopend. Controleer of het bestand nog bestaat en kies het opnieuw.`);
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_INSTRUMENT_FILE_BYTES) {
      throw new ApiError(
        'VALIDATION',
        `${fileName} is ${(size / 1024 / 1024).toFixed(1)} MB; een vragenlijstbestand is hoogstens ${MAX_INSTRUMENT_FILE_BYTES / 1024 / 1024} MB. Kies het juiste bestand; er is niets opgeslagen.`,
      );
    }
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** A text file's characters: UTF-8 (with or without BOM), else Windows-1252 as Excel on Windows saves CSV. */
function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.includes(0)) throw refused(fileName, ['dit is geen tekstbestand (het bevat nul-tekens); kies een CSV- of JSON-bestand']);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Reads a CSV's records. The separator is the one after the dictionary's first column name (REDCap
 * writes commas, Excel in a Dutch locale semicolons); without that name, the most frequent of , ; and tab in the first line.
 */
function csvRecords(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (d: string) => firstLine.split(d).length;
  const delimiter = /^"?Variable \/ Field Name"?([,;\t])/i.exec(text)?.[1] ?? [';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' }).data;
}

/** Converts a picked file by its extension; JSON goes through the same check as the JSON import. */
export function convertInstrumentFile(fileName: string, bytes: Uint8Array): { format: InstrumentFileFormat; definition: InstrumentDefinition; mapped: string[]; leftOut: string[] } {
  const extension = extname(fileName).toLowerCase();
  const stem = basename(fileName, extname(fileName));
  let conversion: Conversion;
  let format: InstrumentFileFormat;
  if (extension === '.json') {
    const definition = parseDefinitionJson(decodeText(bytes, fileName));
    return { format: 'json', definition, mapped: [], leftOut: [] };
  } else if (extension === '.xlsx') {
    format = 'xlsx';
    let sheets: SheetData[];
    try {
      sheets = readWorkbookSheets(bytes);
    } catch (err) {
      if (err instanceof WorkbookRefused) throw refused(fileName, err.problems);
      throw err;
    }
    conversion = xlsformToInstrument(sheets, { fallbackId: stem, describe });
  } else if (extension === '.csv') {
    format = 'redcap';
    conversion = redcapToInstrument(csvRecords(decodeText(bytes, fileName)), { fallbackId: stem, describe });
  } else {
    throw new ApiError('VALIDATION', `${fileName}: Netwerkspiegel importeert vragenlijsten als .json, .xlsx (spreadsheet zoals XLSForm) of .csv (REDCap-datadictionary). Er is niets opgeslagen.`);
  }
  if (!conversion.ok) throw refused(fileName, conversion.problems);
  return { format, definition: conversion.definition, mapped: conversion.mapped, leftOut: conversion.leftOut };
}

/**
 * Asks for an instrument file (the main process's open dialog), reads and checks it, and keeps the
 * result until it is imported; nothing is stored yet. Refused with every problem by sheet and row.
 */
export async function chooseInstrumentFile(ctx: ServiceContext): Promise<{ cancelled: true } | ({ cancelled: false } & InstrumentFilePreview)> {
  if (!ctx.chooseImportPath) throw new ApiError('CONFLICT', 'Een bestand kiezen kan alleen in de Netwerkspiegel-app zelf.');
  const path = await ctx.chooseImportPath(IMPORT_KIND);
  if (path === null) return { cancelled: true };
  const fileName = basename(path);
  pending.delete(ctx);
  const { format, definition, mapped, leftOut } = convertInstrumentFile(fileName, readLimited(path, fileName));
  const stored = repo.getInstrument(ctx.db, definition.id, definition.version);
  const previewId = randomUUID();
  pending.set(ctx, { previewId, definition, format, fileName });
  return {
    cancelled: false,
    previewId,
    fileName,
    format,
    instrumentId: definition.id,
    version: definition.version,
    name: definition.name,
    languages: instrumentLanguages(definition),
    items: definition.items.length,
    sections: definition.sections.length,
    subscales: definition.subscales.length,
    mapped,
    leftOut,
    existing: !stored ? 'none' : JSON.stringify(stored) === JSON.stringify(definition) ? 'same' : 'different',
  };
}

/** Stores the file last read by chooseInstrumentFile, as its preview showed it; its audit entry names the format. */
export function importInstrumentFile(ctx: ServiceContext, previewId: string): InstrumentSummary {
  const held = pending.get(ctx);
  if (!held || held.previewId !== previewId) {
    throw new ApiError('NOT_FOUND', 'Dit bestand is niet meer klaar om te importeren (er is intussen een ander gekozen). Kies het bestand opnieuw.');
  }
  const summary = storeImportedInstrument(ctx, held.definition, { format: held.format, file: held.fileName });
  pending.delete(ctx);
  return summary;
}

/** The bytes of a definition in a format. */
export async function instrumentFileBytes(def: InstrumentDefinition, format: InstrumentFileFormat, appVersion: string, now: Date): Promise<Buffer> {
  if (format === 'json') return Buffer.from(`${JSON.stringify(def, null, 2)}\n`, 'utf8');
  if (format === 'redcap') {
    // A BOM, so Excel opens the accents right; REDCap reads it as UTF-8 either way.
    return Buffer.from(`\uFEFF${Papa.unparse(instrumentToRedcap(def), { newline: '\r\n' })}\r\n`, 'utf8');
  }
  const tables = instrumentToXlsform(def).map((sheet) => ({
    name: sheet.name,
    columns: (sheet.rows[0] ?? []).map((header) => ({ name: String(header ?? ''), kind: 'mixed' as const })),
    rows: sheet.rows.slice(1),
  }));
  return writeWorkbook(tables, { title: `${def.name.nl} (versie ${def.version})`, appVersion, createdAt: now });
}

/** Saves a stored version as JSON, spreadsheet or REDCap data dictionary where the researcher chooses. */
export async function exportInstrumentFile(ctx: ServiceContext, instrumentId: string, version: number, format: InstrumentFileFormat): Promise<ExportResult> {
  const def = loadInstrument(ctx, instrumentId, version);
  const suffix = format === 'redcap' ? '-redcap' : '';
  const target = await ctx.chooseExportPath(`${def.id}-v${def.version}${suffix}.${INSTRUMENT_FILE_EXTENSIONS[format]}`);
  if (target === null) return { cancelled: true };
  writeFileAtomically(target, await instrumentFileBytes(def, format, ctx.appVersion, new Date(ctx.now())));
  // A JSON export is logged as it always was (no details); the other formats name themselves.
  appendAudit(ctx.db, ctx.deviceId, { action: 'export.instrument', entity: 'instrument', entityId: `${def.id}@${def.version}`, ...(format === 'json' ? {} : { details: { format } }) }, ctx.now());
  return { cancelled: false, filePath: target, rows: def.items.length, columns: 0 };
}
