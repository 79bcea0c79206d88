/**
 * Benchmark: exporting the large study (bench/generate-study.ts:
 * 50 networks × 3 waves × 40 respondents × 60 items = 360,000 answers, fixed seed) as the Excel
 * workbook, next to writing the same cells as plain CSV.
 *
 * Each measurement runs in its own child process, so its peak memory (`maxRSS`, which includes
 * Node and tsx themselves) belongs to that measurement alone:
 * - workbook: `exportStudy` through the API handler (all networks, waves and instruments, codes,
 *   open answers left out): loading, the dashboard statistics, the nine tables, SheetJS and the
 *   atomic write;
 * - plain CSV of the same cells: the same loading, statistics and tables, then every table as a
 *   plain `;`-separated file (no neutralisation, no SPSS syntax);
 * - CSV export: `exportStudy` with format csv (long data + scores, the codebook, .sps and .R beside it);
 * - for the breakdown, the same tables written by our writer (export-xlsx.ts) and, for
 *   comparison, by SheetJS 0.18.5 (what the first version used).
 * Targets: workbook ≤ 3 × plain CSV time, peak ≤ 500 MB.
 *
 * Run: `npx tsx bench/export.ts` (BENCH_ROUNDS, default 3). A benchmark, not a test: it reports.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import type { Input } from '../shared/contract';
import { unwrap } from '../shared/errors';
import type { Cell, Table } from '../shared/export/table';
import { startServices } from '../electron/services/app';
import { createDispatcher } from '../electron/services/dispatch';
import { createHandlers } from '../electron/services/handlers';
import { buildWorkbookTables, resolveSelection } from '../electron/services/export/study-export';
import { writeWorkbook } from '../electron/services/export/xlsx-writer';
import * as XLSX from 'xlsx';
import { generateStudy, STUDY } from './generate-study';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
type Mode = 'workbook' | 'workbook-parts' | 'sheetjs' | 'plain-csv' | 'csv-export';

interface ChildResult {
  mode: Mode;
  totalMs: number;
  /** Loading + statistics + tables, then serialising + writing (plain CSV and the workbook parts run). */
  tablesMs?: number;
  serialiseMs?: number;
  cells?: number;
  bytes?: number;
  peakMb: number;
  /** The longest the event loop was blocked during exportStudy (the main process cannot answer IPC meanwhile). */
  maxBlockMs?: number;
}

function exportInput(networkIds: string[], format: 'xlsx' | 'csv'): Input<'exportStudy'> {
  return { networkIds, waveIds: [], instrumentIds: [], format, values: 'codes', includeOpenAnswers: false, separator: ';', language: 'nl' };
}

/** The same tables through SheetJS 0.18.5 (cell objects, shared strings, compressed), for comparison. */
function sheetjsBytes(tables: Table[]): Buffer {
  const book = XLSX.utils.book_new();
  for (const table of tables) {
    const sheet: XLSX.WorkSheet = {};
    const letters = table.columns.map((_, c) => XLSX.utils.encode_col(c));
    table.columns.forEach((c, i) => (sheet[`${letters[i]}1`] = { t: 's', v: c.name }));
    table.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        sheet[`${letters[c]}${r + 2}`] = typeof v === 'string' ? { t: 's', v } : typeof v === 'number' ? { t: 'n', v } : { t: 'd', v, z: 'yyyy-mm-dd hh:mm' };
      }),
    );
    sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: table.rows.length, c: Math.max(0, table.columns.length - 1) } });
    XLSX.utils.book_append_sheet(book, sheet, table.name);
  }
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Buffer;
}

/** The plainest CSV of a table: cells joined with `;`, quotes only where a field needs them. */
function plainCsv(table: Table): string {
  const field = (v: Cell) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    if (v instanceof Date) return v.toISOString();
    return /[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [table.columns.map((c) => c.name).join(';')];
  for (const row of table.rows) lines.push(row.map(field).join(';'));
  return lines.join('\n');
}

async function child(mode: Mode, databasePath: string, outDir: string): Promise<ChildResult> {
  mkdirSync(outDir, { recursive: true });
  const services = startServices({ databasePath, appVersion: 'bench', chooseExportPath: async (name) => join(outDir, name) });
  const networkIds = (services.db.prepare('SELECT id FROM networks ORDER BY name').pluck().all() as string[]);
  const result: ChildResult = { mode, totalMs: 0, peakMb: 0 };
  const start = performance.now();
  if (mode === 'plain-csv') {
    const input = exportInput(networkIds, 'xlsx');
    const built = await buildWorkbookTables(services, input, resolveSelection(services, input));
    result.tablesMs = performance.now() - start;
    const t = performance.now();
    let bytes = 0;
    built.tables.forEach((table, i) => {
      const text = plainCsv(table);
      bytes += text.length;
      writeFileSync(join(outDir, `${i}-${table.name}.csv`), text);
    });
    result.serialiseMs = performance.now() - t;
    result.cells = built.tables.reduce((sum, table) => sum + (table.rows.length + 1) * table.columns.length, 0);
    result.bytes = bytes;
  } else if (mode === 'workbook' || mode === 'csv-export') {
    const dispatch = createDispatcher(createHandlers(services));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const out = unwrap(await dispatch('exportStudy', exportInput(networkIds, mode === 'workbook' ? 'xlsx' : 'csv'))) as { files: string[] };
    delay.disable();
    result.maxBlockMs = delay.max / 1e6;
    if (out.files.length === 0) throw new Error('nothing written');
  }
  result.totalMs = performance.now() - start;
  if (mode === 'workbook-parts' || mode === 'sheetjs') {
    const input = exportInput(networkIds, 'xlsx');
    const built = await buildWorkbookTables(services, input, resolveSelection(services, input));
    result.tablesMs = performance.now() - start;
    const t1 = performance.now();
    const bytes = mode === 'sheetjs' ? sheetjsBytes(built.tables) : await writeWorkbook(built.tables, { title: 'bench', appVersion: 'bench', createdAt: new Date() });
    writeFileSync(join(outDir, 'bench.xlsx'), bytes);
    result.serialiseMs = performance.now() - t1;
    result.cells = built.tables.reduce((sum, table) => sum + (table.rows.length + 1) * table.columns.length, 0);
    result.bytes = bytes.length;
    result.totalMs = performance.now() - start;
  }
  services.db.close();
  result.peakMb = process.resourceUsage().maxRSS / 1024;
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  if (process.argv[2] === '--child') {
    const result = await child(process.argv[3] as Mode, process.argv[4]!, process.argv[5]!);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-bench-export-'));
  try {
    const databasePath = join(dir, 'study.sqlite');
    const t0 = performance.now();
    const { answers } = await generateStudy(databasePath);
    const generated = (performance.now() - t0) / 1000;
    const runs: ChildResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['plain-csv', 'workbook', 'csv-export', 'workbook-parts', ...(process.env.BENCH_SHEETJS === '0' ? [] : (['sheetjs'] as const))] as const) {
        const out = join(dir, `out-${round}-${mode}`);
        const run = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', mode, databasePath, out], { encoding: 'utf8', maxBuffer: 1 << 24 });
        if (run.status !== 0) throw new Error(`child ${mode} failed: ${run.stderr}`);
        runs.push(JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult);
        rmSync(out, { recursive: true, force: true });
      }
    }
    const of = (mode: Mode) => runs.filter((r) => r.mode === mode);
    const med = (mode: Mode, key: 'totalMs' | 'tablesMs' | 'serialiseMs') => median(of(mode).map((r) => r[key] ?? 0));
    const peak = (mode: Mode) => Math.max(...of(mode).map((r) => r.peakMb));
    const s = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;
    const mb = (x: number) => `${x.toFixed(0).padStart(4)} MB`;
    const parts = of('workbook-parts')[0]!;
    const csv = of('plain-csv')[0]!;
    console.log(
      `export benchmark: ${STUDY.networks} networks × ${STUDY.waves} waves × ${STUDY.respondents} respondents × ${STUDY.items} items = ${answers.toLocaleString('en')} answers (generated in ${generated.toFixed(1)} s); median of ${ROUNDS} runs, each in a fresh process; peak = maxRSS incl. Node + tsx`,
    );
    const block = (mode: Mode) => `${Math.max(...of(mode).map((r) => r.maxBlockMs ?? 0)).toFixed(0)} ms`;
    console.log(`  workbook (exportStudy, xlsx, 9 sheets)      ${s(med('workbook', 'totalMs'))}   peak ${mb(peak('workbook'))}   ${parts.cells!.toLocaleString('en')} cells, ${(parts.bytes! / 1e6).toFixed(1)} MB file; longest event-loop block ${block('workbook')}`);
    console.log(`    loading + statistics + tables             ${s(med('workbook-parts', 'tablesMs'))}`);
    console.log(`    writing the xlsx (export-xlsx.ts)         ${s(med('workbook-parts', 'serialiseMs'))}   peak ${mb(peak('workbook-parts'))}`);
    if (of('sheetjs').length) console.log(`    the same with SheetJS 0.18.5 (for comparison) ${s(med('sheetjs', 'serialiseMs'))}   peak ${mb(peak('sheetjs'))}`);
    console.log(`  same cells as plain CSV (9 files)           ${s(med('plain-csv', 'totalMs'))}   peak ${mb(peak('plain-csv'))}   ${(csv.bytes! / 1e6).toFixed(1)} MB of text`);
    console.log(`    loading + statistics + tables             ${s(med('plain-csv', 'tablesMs'))}`);
    console.log(`    writing the CSV text                      ${s(med('plain-csv', 'serialiseMs'))}`);
    console.log(`  CSV export (exportStudy, csv + codebook + .sps + .R) ${s(med('csv-export', 'totalMs'))}   peak ${mb(peak('csv-export'))}; longest event-loop block ${block('csv-export')}`);
    console.log(`  ratio workbook / plain CSV: ${(med('workbook', 'totalMs') / med('plain-csv', 'totalMs')).toFixed(2)}× (target ≤ 3×); workbook peak ${mb(peak('workbook')).trim()} (target ≤ 500 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
