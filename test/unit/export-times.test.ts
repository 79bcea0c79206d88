import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { hasRscript, RSCRIPT_MISSING, runR } from '../support/rscript';
import { useTempDir } from '../support/tmp';

/**
 * Times around the autumn clock change. In Europe/Amsterdam on 25 October 2026 the clocks go back
 * from 03:00 CEST to 02:00 CET, so 02:30 happens twice: at 00:30 UTC (+02:00) and at 01:30 UTC
 * (+01:00). The export keeps local time (what people expect, and Excel has no time zones) and adds
 * the ISO 8601 time with its offset, which tells the two apart. The files are written by a child
 * process with TZ=Europe/Amsterdam (test/support/export-in-time-zone.ts).
 */

const tempDir = useTempDir();
const CHILD = join(__dirname, '..', 'support', 'export-in-time-zone.ts');
const PEOPLE = [
  { code: 'R-001', startedAt: '2026-10-25T00:30:00.000Z', completedAt: '2026-10-25T00:50:00.000Z' },
  { code: 'R-002', startedAt: '2026-10-25T01:30:00.000Z', completedAt: null },
];

function exportInAmsterdam(): string {
  const dir = tempDir();
  execFileSync(process.execPath, ['--import', 'tsx', CHILD, dir, JSON.stringify(PEOPLE)], { env: { ...process.env, TZ: 'Europe/Amsterdam' }, stdio: 'pipe' });
  return dir;
}

describe('times across the 2026-10-25 clock change (Europe/Amsterdam)', () => {
  it('keep local time as a real Excel date and add the ISO 8601 time with its UTC offset, which tells them apart', () => {
    const dir = exportInAmsterdam();
    const sheet = XLSX.read(readFileSync(join(dir, 'tijden.xlsx')), { type: 'buffer', cellNF: true }).Sheets.Data_lang!;
    const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]!;
    const cell = (row: number, name: string) => sheet[XLSX.utils.encode_cell({ r: row, c: header.indexOf(name) })] as XLSX.CellObject | undefined;
    expect(header.slice(7, 11)).toEqual(['gestart', 'gestart_iso', 'voltooid', 'voltooid_iso']);
    // 25 October 2026 is serial 46320 (1 March 2026 = 46082, plus 214 days to 1 October, plus 24);
    // 02:30 is 2.5/24 of a day. Both moments show the same local time: Excel cannot tell them apart.
    for (const row of [1, 2]) {
      expect(cell(row, 'gestart')).toMatchObject({ t: 'n', z: 'yyyy-mm-dd hh:mm' });
      expect(cell(row, 'gestart')!.v as number).toBeCloseTo(46320 + 2.5 / 24, 9);
    }
    // The ISO column does: the first is summer time (+02:00), the second an hour later winter time (+01:00).
    expect(cell(1, 'gestart_iso')).toMatchObject({ t: 's', v: '2026-10-25T02:30:00+02:00' });
    expect(cell(2, 'gestart_iso')).toMatchObject({ t: 's', v: '2026-10-25T02:30:00+01:00' });
    expect(cell(1, 'voltooid_iso')).toMatchObject({ t: 's', v: '2026-10-25T02:50:00+02:00' });
    expect(cell(2, 'voltooid')).toBeUndefined();
    expect(cell(2, 'voltooid_iso')).toBeUndefined();

    const lines = readFileSync(join(dir, 'tijden.csv'), 'utf8').slice(1).split('\r\n');
    const csvHeader = lines[0]!.split(';');
    const field = (line: number, name: string) => lines[line]!.split(';')[csvHeader.indexOf(name)];
    expect([field(1, 'gestart'), field(1, 'gestart_iso'), field(1, 'voltooid'), field(1, 'voltooid_iso')]).toEqual([
      '2026-10-25 02:30:00', '2026-10-25T02:30:00+02:00', '2026-10-25 02:50:00', '2026-10-25T02:50:00+02:00',
    ]);
    expect([field(2, 'gestart'), field(2, 'gestart_iso'), field(2, 'voltooid'), field(2, 'voltooid_iso')]).toEqual(['2026-10-25 02:30:00', '2026-10-25T02:30:00+01:00', '', '']);
  });

  if (!hasRscript) console.warn(RSCRIPT_MISSING);
  it.skipIf(!hasRscript)('are read by the R script as the two moments they are, an hour apart, wherever R runs', () => {
    const dir = exportInAmsterdam();
    // R runs in UTC, not in the zone of the export: the moments must still be exact.
    const out = runR(
      `source("tijden.R", encoding = "UTF-8")
       writeLines(c(class(data$gestart)[1], format(data$gestart, "%Y-%m-%d %H:%M:%S", tz = "UTC"), diff(as.numeric(data$gestart)), class(data$gestart_iso), is.na(data$voltooid[2])))`,
      dir,
      { TZ: 'UTC' },
    ).trim().split('\n');
    expect(out).toEqual(['POSIXct', '2026-10-25 00:30:00', '2026-10-25 01:30:00', '3600', 'character', 'TRUE']);
  });
});
