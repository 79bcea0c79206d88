import * as XLSX from 'xlsx';
import type { ExportResult } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { appendAudit } from '../../db/repositories/audit';
import { listWaveAnswers } from '../../db/repositories/responses';
import type { ServiceContext } from '../context';
import { safeFileName, writeFileAtomically } from '../files';
import { loadInstrument } from '../administration/instruments';
import { requireNetwork, requireWave } from '../administration/networks';

/** Fixed columns before the items; variable names follow the codebook scheme (lowercase, ≤ 32). */
export const EXPORT_FIXED_COLUMNS = ['netwerk', 'meting', 'respondent', 'organisatie', 'status', 'modus', 'gestart', 'voltooid'] as const;

/** The wave's raw answers as a sheet: one row per response, a header of variable names, numbers as numbers. */
export function buildWaveSheet(ctx: ServiceContext, waveId: string): { header: string[]; rows: (string | number | Date | null)[][] } {
  const wave = requireWave(ctx, waveId);
  const network = requireNetwork(ctx, wave.networkId);
  const defs = wave.instruments.map((ref) => loadInstrument(ctx, ref.instrumentId, ref.version));
  const itemColumns = defs.flatMap((def) => def.items.map((item) => ({ instrumentId: def.id, itemId: item.id })));
  const header = [...EXPORT_FIXED_COLUMNS, ...itemColumns.map((c) => c.itemId)];
  const columnOf = new Map(itemColumns.map((c, i) => [`${c.instrumentId}/${c.itemId}`, EXPORT_FIXED_COLUMNS.length + i]));

  const rows: (string | number | Date | null)[][] = [];
  const rowOf = new Map<string, (string | number | Date | null)[]>();
  for (const a of listWaveAnswers(ctx.db, waveId)) {
    let row = rowOf.get(a.responseId);
    if (!row) {
      row = new Array<string | number | Date | null>(header.length).fill(null);
      row.splice(0, EXPORT_FIXED_COLUMNS.length, network.name, wave.label, a.respondentCode, a.organisationName, a.status, a.mode,
        new Date(a.startedAt), a.completedAt ? new Date(a.completedAt) : null);
      rowOf.set(a.responseId, row);
      rows.push(row);
    }
    if (a.instrumentId === null || a.itemId === null) continue;
    const col = columnOf.get(`${a.instrumentId}/${a.itemId}`);
    if (col !== undefined) row[col] = a.value ?? a.text;
  }
  return { header, rows };
}

export async function exportWaveAnswers(ctx: ServiceContext, waveId: string): Promise<ExportResult> {
  const wave = requireWave(ctx, waveId);
  const network = requireNetwork(ctx, wave.networkId);
  const { header, rows } = buildWaveSheet(ctx, waveId);
  const target = await ctx.chooseExportPath(`${safeFileName(['netwerkspiegel', network.name, wave.label, ctx.now().slice(0, 10)])}.xlsx`);
  if (target === null) return { cancelled: true };

  const sheet = XLSX.utils.aoa_to_sheet([header, ...rows], { dateNF: 'yyyy-mm-dd hh:mm' });
  sheet['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: header.length - 1 } }) };
  sheet['!cols'] = header.map((h) => ({ wch: Math.max(10, Math.min(24, h.length + 2)) }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Data');
  try {
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    writeFileAtomically(target, bytes);
  } catch (err) {
    throw new ApiError(
      'EXPORT_FAILED',
      `Het bestand kon niet worden opgeslagen (${err instanceof Error ? err.message : String(err)}). Kies een andere map of sluit het bestand in Excel.`,
    );
  }
  // The log records that an export happened and how big it was, never where personal data went.
  appendAudit(ctx.db, ctx.deviceId, { action: 'export.wave', entity: 'wave', entityId: waveId, details: { rows: rows.length, format: 'xlsx' } }, ctx.now());
  return { cancelled: false, filePath: target, rows: rows.length, columns: header.length };
}
