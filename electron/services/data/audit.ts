import type { ParsedInput } from '../../../shared/contract';
import type { ExportResult } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import type { AuditPage } from '../../../shared/study';
import { appendAudit, countAudit, listAllAudit, listAuditPage, type AuditFilter, type AuditLogRow } from '../../db/repositories/audit';
import { requireNetwork } from '../administration/networks';
import type { ServiceContext } from '../context';
import { safeFileName, writeFileAtomically } from '../files';

/**
 * The audit log, read-only: a page at a time for the screen (filtered by kind, period or network,
 * each entry with the names of the network, wave or organisation it is about), and all of it as CSV. No method of
 * the API changes or removes an entry, and the table's triggers refuse it anyway.
 */

export function listAuditLog(ctx: ServiceContext, input: ParsedInput<'listAuditLog'>): AuditPage {
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) {
    throw new ApiError('VALIDATION', 'De einddatum ligt vóór de begindatum. Kies een einddatum op of na de begindatum.');
  }
  // Days on this laptop's clock, as the screen shows the moments: from the start of the first day
  // to the start of the day after the last. The log's moments are UTC (toISOString).
  const from = input.from === undefined ? undefined : startOfLocalDay(input.from);
  const to = input.to === undefined ? undefined : startOfLocalDay(input.to, 1);
  if (input.networkId !== undefined) requireNetwork(ctx, input.networkId);
  const filter: AuditFilter = { kind: input.kind, from, to, networkId: input.networkId };
  return {
    total: countAudit(ctx.db, filter),
    entries: listAuditPage(ctx.db, input.offset, input.limit, filter).map((row) => ({ ...row, thisDevice: row.deviceId === ctx.deviceId })),
  };
}

/** Midnight at the start of a date (yyyy-mm-dd) in this laptop's time zone, `daysLater` days on, as a UTC moment. */
function startOfLocalDay(date: string, daysLater = 0): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year!, month! - 1, day! + daysLater).toISOString();
}

export const AUDIT_CSV_COLUMNS = ['tijdstip', 'apparaat', 'onderzoeker', 'actie', 'onderwerp', 'id', 'details'] as const;

/**
 * One CSV field: quoted when it holds the separator, a quote or a line break; a leading = + - @
 * gets an apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The log as CSV: UTF-8 with a byte-order mark and semicolons, as Dutch Excel opens it directly. */
export function auditCsv(rows: readonly AuditLogRow[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(';')];
  for (const r of rows) lines.push([r.at, r.deviceId, r.actor, r.action, r.entity, r.entityId, r.details].map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function exportAuditLog(ctx: ServiceContext): Promise<ExportResult> {
  const rows = listAllAudit(ctx.db);
  const target = await ctx.chooseExportPath(`${safeFileName(['netwerkspiegel-auditlog', ctx.now().slice(0, 10)])}.csv`);
  if (target === null) return { cancelled: true };
  try {
    writeFileAtomically(target, Buffer.from(auditCsv(rows), 'utf8'));
  } catch (err) {
    throw new ApiError('EXPORT_FAILED', `Het auditlog kon niet worden opgeslagen (${err instanceof Error ? err.message : String(err)}). Kies een andere map.`);
  }
  appendAudit(ctx.db, ctx.deviceId, { action: 'audit.exported', entity: 'audit-log', entityId: null, details: { rows: rows.length, format: 'csv' } }, ctx.now());
  return { cancelled: false, filePath: target, rows: rows.length, columns: AUDIT_CSV_COLUMNS.length };
}
