import { basename, dirname } from 'node:path';
import type { Output, ParsedInput } from '../../../shared/contract';
import type { InstrumentRef, Network, Wave } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { toCsv } from '../../../shared/export/csv';
import { codebookTable, datasetSteps, longWithScores, scoresTable, type Dataset, type DatasetOptions, type ExportSource, type SourceResponse } from '../../../shared/export/dataset';
import { notesTable, type NotesInput } from '../../../shared/export/notes';
import { rScript } from '../../../shared/export/r-script';
import { spssSyntax } from '../../../shared/export/spss';
import { comparisonTable, descriptivesTable, linkingTable, reliabilityTable, type DashboardEntry } from '../../../shared/export/statistics';
import type { Table } from '../../../shared/export/table';
import { EXPORT_TERMS } from '../../../shared/export/terms';
import { inLocale } from '../../../shared/text';
import type { InstrumentDefinition } from '../../../shared/instruments/schema';
import type { Dashboard } from '../../../shared/results';
import { appendAudit } from '../../db/repositories/audit';
import { listWaves, listWavesWithOccasionWaves } from '../../db/repositories/networks';
import { listWaveAnswers } from '../../db/repositories/responses';
import type { Db } from '../../db/open';
import type { ServiceContext } from '../context';
import { safeFileName, siblingPath, writeFilesAtomically } from '../files';
import { writeWorkbook } from './xlsx-writer';
import { loadInstrument } from '../administration/instruments';
import { requireNetwork, requireWave } from '../administration/networks';
import { getDashboard } from '../results/dashboard';

/**
 * The study export: the chosen networks, waves and instruments as one workbook
 * (Toelichting, Data_lang, Data_breed, Scores, Codeboek, Beschrijvend, Vergelijking,
 * Betrouwbaarheid, Koppeling) or as CSV with its codebook (`<name>-codeboek.csv`), an SPSS syntax
 * file and an R script beside it.
 *
 * Flow: check the selection, ask where to save (before any heavy work), load the answers wave by
 * wave, compute the statistics with the dashboard's own service, build the tables, write the
 * file(s) through temporary files renamed into place, and log that an export happened. The work
 * yields to the event loop between waves, between networks, every 250 responses while the tables
 * are built and every 500 rows while the workbook is written (export-xlsx.ts), so other calls (the
 * renderer polling `getExportProgress`) are answered while it runs; the longest pause for the
 * largest study in bench/export.ts is about 0.15 s. Nothing in the database changes except the one
 * audit entry.
 */

export type StudyExportInput = ParsedInput<'exportStudy'>;
export type StudyExportResult = Output<'exportStudy'>;
export type ExportProgress = Extract<Output<'getExportProgress'>, { running: true }>;
export type ExportPhase = ExportProgress['phase'];

/** Computes the dashboard of one network and instrument; the results service unless a test supplies another. */
export type DashboardSource = (ctx: ServiceContext, input: ParsedInput<'getDashboard'>) => Dashboard;

const running = new WeakMap<Db, ExportProgress>();

export function getExportProgress(ctx: ServiceContext): Output<'getExportProgress'> {
  const progress = running.get(ctx.db);
  return progress ? { ...progress } : { running: false };
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface Selection {
  networks: Network[];
  /** Per network its chosen waves, in measurement order. */
  waves: Wave[];
  instrumentIds: string[];
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/** Checks the chosen networks, waves and instruments; empty wave or instrument lists mean "all". */
export function resolveSelection(ctx: ServiceContext, input: Pick<StudyExportInput, 'networkIds' | 'waveIds' | 'instrumentIds'>): Selection {
  const networks = unique(input.networkIds).map((id) => requireNetwork(ctx, id));
  const networkIds = new Set(networks.map((n) => n.id));
  const chosenWaves = new Set(unique(input.waveIds));
  for (const waveId of chosenWaves) {
    const wave = requireWave(ctx, waveId);
    if (!networkIds.has(wave.networkId)) {
      throw new ApiError('VALIDATION', `Meting ${wave.label} hoort niet bij de gekozen netwerken. Kies metingen van de gekozen netwerken.`);
    }
  }
  // Occasion waves (an MDO's before and after) too: their responses are data, named by the wave's label ("MDO 12 maart (voor)").
  const waves = networks.flatMap((n) => listWavesWithOccasionWaves(ctx.db, n.id).filter((w) => chosenWaves.size === 0 || chosenWaves.has(w.id)));
  if (waves.length === 0) throw new ApiError('VALIDATION', 'De gekozen netwerken hebben nog geen metingen. Kies een netwerk met ten minste één meting.');
  const inWaves = unique(waves.flatMap((w) => w.instruments.map((i) => i.instrumentId)));
  const chosen = unique(input.instrumentIds);
  for (const id of chosen) {
    if (!inWaves.includes(id)) throw new ApiError('VALIDATION', `Vragenlijst ${id} komt in de gekozen metingen niet voor. Kies een vragenlijst uit de lijst.`);
  }
  return { networks: networks.filter((n) => waves.some((w) => w.networkId === n.id)), waves, instrumentIds: chosen.length ? inWaves.filter((id) => chosen.includes(id)) : inWaves };
}

/** Every response of the chosen waves with its answers, one wave at a time. */
async function loadResponses(ctx: ServiceContext, waves: Wave[], report: (done: number) => void): Promise<SourceResponse[]> {
  const responses: SourceResponse[] = [];
  for (let i = 0; i < waves.length; i++) {
    const wave = waves[i]!;
    let current: SourceResponse | null = null;
    let currentId = '';
    for (const a of listWaveAnswers(ctx.db, wave.id)) {
      if (a.responseId !== currentId) {
        currentId = a.responseId;
        current = {
          networkId: wave.networkId,
          waveId: wave.id,
          respondentCode: a.respondentCode,
          organisationName: a.organisationName,
          status: a.status,
          mode: a.mode,
          startedAt: a.startedAt,
          completedAt: a.completedAt,
          codes: new Map(),
          texts: new Map(),
        };
        responses.push(current);
      }
      if (!current || a.instrumentId === null || a.itemId === null) continue;
      if (a.value !== null) {
        let m = current.codes.get(a.instrumentId);
        if (!m) current.codes.set(a.instrumentId, (m = new Map()));
        m.set(a.itemId, a.value);
      } else if (a.text !== null) {
        let m = current.texts.get(a.instrumentId);
        if (!m) current.texts.set(a.instrumentId, (m = new Map()));
        m.set(a.itemId, a.text);
      }
    }
    report(i + 1);
    await nextTick();
  }
  return responses;
}

/** Instruments the dashboard describes: those with a scored scale item or a number item. */
function hasStatistics(def: InstrumentDefinition): boolean {
  return def.items.some((it) => it.type === 'scale' || it.type === 'number');
}

export interface StatisticsOutcome {
  entries: DashboardEntry[];
  problems: string[];
}

/** The dashboard of every chosen network × instrument, exactly as the dashboard screen gets it. */
export async function collectDashboards(
  ctx: ServiceContext,
  selection: Selection,
  language: 'nl' | 'en',
  definition: (ref: InstrumentRef) => InstrumentDefinition,
  dashboardOf: DashboardSource,
  report: (done: number, total: number) => void,
): Promise<StatisticsOutcome> {
  const jobs: { network: Network; instrumentId: string; name: string; waveIds: string[] }[] = [];
  for (const network of selection.networks) {
    // The dashboard describes measurement waves only; an MDO's waves have their own comparison (results/occasions.ts).
    const measurement = new Set(listWaves(ctx.db, network.id).map((w) => w.id));
    const waves = selection.waves.filter((w) => w.networkId === network.id && measurement.has(w.id));
    for (const instrumentId of selection.instrumentIds) {
      const refs = waves.flatMap((w) => w.instruments.filter((r) => r.instrumentId === instrumentId));
      if (refs.length === 0) continue;
      const latest = definition(refs.reduce((a, b) => (b.version > a.version ? b : a)));
      if (!hasStatistics(latest)) continue;
      // The same waves the dashboard is asked for (a wave without the instrument is its own notice there).
      jobs.push({ network, instrumentId, name: inLocale(latest.name, language), waveIds: waves.map((w) => w.id) });
    }
  }
  const entries: DashboardEntry[] = [];
  const problems: string[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i]!;
    try {
      entries.push({ instrumentName: job.name, dashboard: dashboardOf(ctx, { networkId: job.network.id, waveIds: job.waveIds, instrumentId: job.instrumentId, breakdown: 'none' }) });
    } catch (err) {
      // A statistics failure must not lose the data export; the file says what is missing.
      if (!(err instanceof ApiError)) throw err;
      problems.push(EXPORT_TERMS[language].stats.unavailable(`${job.network.name} / ${job.name}`, err.message));
    }
    report(i + 1, jobs.length);
    await nextTick();
  }
  return { entries, problems };
}

/** The network (or how many), the wave when only one is exported (T0 and T1 exported apart stay apart), the date. */
function suggestedName(selection: Selection, now: string, extension: string): string {
  const subject = selection.networks.length === 1 ? selection.networks[0]!.name : `${selection.networks.length}-netwerken`;
  const wave = selection.waves.length === 1 ? [selection.waves[0]!.label] : [];
  return `${safeFileName(['netwerkspiegel', subject, ...wave, now.slice(0, 10)])}.${extension}`;
}

type ProgressSink = (phase: ExportPhase, done: number, total: number) => void;

/** The dataset, giving the event loop a turn every few hundred responses. */
async function buildDatasetInSteps(source: ExportSource, options: DatasetOptions, progress: ProgressSink): Promise<Dataset> {
  const steps = datasetSteps(source, options);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    progress('building', step.value, source.responses.length);
    await nextTick();
  }
}

interface LoadedStudy {
  source: ExportSource;
  definition: (ref: InstrumentRef) => InstrumentDefinition;
}

/** The chosen waves' responses and the instrument definitions they use. */
async function loadStudy(ctx: ServiceContext, selection: Selection, progress: ProgressSink): Promise<LoadedStudy> {
  const definitions = new Map<string, InstrumentDefinition>();
  const definition = (ref: InstrumentRef) => {
    const key = `${ref.instrumentId}@${ref.version}`;
    let def = definitions.get(key);
    if (!def) definitions.set(key, (def = loadInstrument(ctx, ref.instrumentId, ref.version)));
    return def;
  };
  progress('loading', 0, selection.waves.length);
  const responses = await loadResponses(ctx, selection.waves, (done) => progress('loading', done, selection.waves.length));
  return {
    definition,
    source: {
      networks: selection.networks.map((n) => ({ id: n.id, name: n.name, minGroupSize: n.minGroupSize })),
      waves: selection.waves,
      instrumentIds: selection.instrumentIds,
      definition,
      responses,
    },
  };
}

export interface StudyTables {
  /** The tables in the order they are written: the workbook's sheets, or the CSV's data and its codebook. */
  tables: Table[];
  rows: number;
  columns: number;
}

/** The nine sheets of the workbook: data from the database, statistics from the dashboard service. */
export async function buildWorkbookTables(
  ctx: ServiceContext,
  input: StudyExportInput,
  selection: Selection,
  dashboardOf: DashboardSource = getDashboard,
  progress: ProgressSink = () => {},
): Promise<StudyTables> {
  const { language } = input;
  const { source, definition } = await loadStudy(ctx, selection, progress);
  progress('statistics', 0, 1);
  const stats = await collectDashboards(ctx, selection, language, definition, dashboardOf, (done, total) => progress('statistics', done, total));
  progress('building', 0, source.responses.length);
  const dataset = await buildDatasetInSteps(source, { language, values: input.values, includeOpenAnswers: input.includeOpenAnswers }, progress);
  const counts = new Map<string, { started: number; complete: number }>();
  for (const r of source.responses) {
    const c = counts.get(r.waveId) ?? { started: 0, complete: 0 };
    c.started += 1;
    if (r.status === 'complete') c.complete += 1;
    counts.set(r.waveId, c);
  }
  const notes: NotesInput = {
    language,
    appVersion: ctx.appVersion,
    exportedAt: new Date(ctx.now()),
    values: input.values,
    includeOpenAnswers: input.includeOpenAnswers,
    networks: selection.networks.map((n) => ({
      name: n.name,
      minGroupSize: n.minGroupSize,
      waves: selection.waves
        .filter((w) => w.networkId === n.id)
        .map((w) => ({ label: w.label, kind: w.kind, plannedDate: w.plannedDate, ...(counts.get(w.id) ?? { started: 0, complete: 0 }) })),
    })),
    instruments: dataset.instrumentsUsed.map(definition),
    sheets: ['long', 'wide', 'scores', 'codebook', 'descriptives', 'comparison', 'reliability', 'linking'],
    problems: stats.problems,
  };
  const tables: Table[] = [
    notesTable(notes),
    dataset.long,
    dataset.wide,
    scoresTable(dataset, language),
    codebookTable(dataset, language),
    descriptivesTable(stats.entries, language),
    comparisonTable(stats.entries, language),
    reliabilityTable(stats.entries, language),
    linkingTable(stats.entries, language),
  ];
  await nextTick();
  return { tables, rows: dataset.long.rows.length, columns: dataset.long.columns.length };
}

/** The CSV's tables: the long data with the scores appended, and the codebook that describes it. */
export async function buildCsvTables(ctx: ServiceContext, input: StudyExportInput, selection: Selection, progress: ProgressSink = () => {}): Promise<StudyTables> {
  const { source } = await loadStudy(ctx, selection, progress);
  progress('building', 0, source.responses.length);
  const dataset = await buildDatasetInSteps(source, { language: input.language, values: input.values, includeOpenAnswers: input.includeOpenAnswers }, progress);
  const table = longWithScores(dataset);
  await nextTick();
  return { tables: [table, codebookTable(dataset, input.language, 'csv')], rows: table.rows.length, columns: table.columns.length };
}

export async function exportStudy(ctx: ServiceContext, input: StudyExportInput, dashboardOf: DashboardSource = getDashboard): Promise<StudyExportResult> {
  if (running.has(ctx.db)) throw new ApiError('CONFLICT', 'Er loopt al een export. Wacht tot die klaar is en probeer het dan opnieuw.');
  const progress: ExportProgress = { running: true, phase: 'preparing', done: 0, total: 1 };
  running.set(ctx.db, progress);
  const set: ProgressSink = (phase, done, total) => Object.assign(progress, { phase, done, total });
  try {
    const selection = resolveSelection(ctx, input);
    const target = await ctx.chooseExportPath(suggestedName(selection, ctx.now(), input.format));
    if (target === null) return { cancelled: true };
    const terms = EXPORT_TERMS[input.language];
    const title = `Netwerkspiegel ${ctx.appVersion}, ${terms.notes.exportedAt.toLowerCase()} ${ctx.now().slice(0, 16).replace('T', ' ')} UTC`;

    let files: { path: string; bytes: Uint8Array }[];
    let built: StudyTables;
    if (input.format === 'csv') {
      built = await buildCsvTables(ctx, input, selection, set);
      const [table, codebook] = built.tables as [Table, Table];
      const scriptOptions = { csvFileName: basename(target), folder: dirname(target), separator: input.separator, title, language: input.language };
      set('writing', 0, 1);
      files = [
        { path: target, bytes: Buffer.from(toCsv(table, input.separator), 'utf8') },
        // Same separator, encoding and byte-order mark as the data, so it opens the same way.
        { path: siblingPath(target, `-${terms.sheets.codebook.toLowerCase()}.csv`), bytes: Buffer.from(toCsv(codebook, input.separator), 'utf8') },
        { path: siblingPath(target, '.sps'), bytes: Buffer.from(`\uFEFF${spssSyntax(table, scriptOptions)}`, 'utf8') },
        { path: siblingPath(target, '.R'), bytes: Buffer.from(rScript(table, scriptOptions), 'utf8') },
      ];
    } else {
      built = await buildWorkbookTables(ctx, input, selection, dashboardOf, set);
      set('writing', 0, 1);
      const bytes = await writeWorkbook(
        built.tables,
        { title: terms.notes.titleValue, appVersion: ctx.appVersion, createdAt: new Date(ctx.now()), language: input.language },
        { onProgress: (done, total) => set('writing', done, total), yieldToEventLoop: nextTick },
      );
      files = [{ path: target, bytes }];
    }

    try {
      writeFilesAtomically(files);
    } catch (err) {
      throw new ApiError(
        'EXPORT_FAILED',
        `Het bestand kon niet worden opgeslagen (${err instanceof Error ? err.message : String(err)}). Kies een andere map of sluit het bestand in Excel.`,
      );
    }
    set('writing', 1, 1);
    // The log records that an export happened and what kind, never where personal data went.
    appendAudit(
      ctx.db,
      ctx.deviceId,
      {
        action: 'export.study',
        entity: selection.networks.length === 1 ? 'network' : 'study',
        entityId: selection.networks.length === 1 ? selection.networks[0]!.id : null,
        details: { format: input.format, networks: selection.networks.length, waves: selection.waves.length, rows: built.rows, values: input.values, openAnswers: input.includeOpenAnswers },
      },
      ctx.now(),
    );
    return { cancelled: false, filePath: target, files: files.map((f) => f.path), rows: built.rows, columns: built.columns };
  } finally {
    running.delete(ctx.db);
  }
}
