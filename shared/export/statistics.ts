/**
 * The statistics sheets (*Beschrijvend*, *Vergelijking*, *Betrouwbaarheid*, *Koppeling*), built
 * from the dashboard's own output (`Dashboard`, shared/results.ts) so that every number equals
 * what the dashboard shows. Suppression is respected: a suppressed group keeps its n, every other
 * number of it stays empty, even if a caller handed one in.
 */
import type { Dashboard, Notice } from '../results';
import { inLocale, type Locale } from '../text';
import type { Cell, Column, Table } from './table';
import { EXPORT_TERMS, type ExportTerms } from './terms';

type StatsTerms = ExportTerms['stats'];

export interface DashboardEntry {
  instrumentName: string;
  dashboard: Dashboard;
}

const P = '0.000';
const TWO = '0.00';

/** The notices of a row as sentences for people (never the internal code), each sentence once. */
function noticeText(notices: Notice[], s: StatsTerms): string | null {
  const sentences = new Set(notices.map((n) => (Object.hasOwn(s.notices, n.code) ? s.notices[n.code]!(n.params) : s.noticeGeneric)));
  return sentences.size ? [...sentences].join(' ') : null;
}

function waveLabels(d: Dashboard): Map<string, string> {
  return new Map(d.waves.map((w) => [w.waveId, w.label]));
}

/** Every statistics sheet starts with the network and the instrument; comparisons add the two waves. */
function sourceColumns(s: StatsTerms): Column[] {
  return [
    { name: s.network, kind: 'text', width: 24 },
    { name: s.instrument, kind: 'text', width: 22 },
  ];
}

function comparedWaveColumns(s: StatsTerms): Column[] {
  return [
    ...sourceColumns(s),
    { name: s.baseline, kind: 'text', width: 12 },
    { name: s.followUp, kind: 'text', width: 12 },
  ];
}

/** What a row is about: the level (scale or item), its id and its label. */
function subjectColumns(s: StatsTerms): Column[] {
  return [
    { name: s.level, kind: 'text', width: 8 },
    { name: s.id, kind: 'text', width: 14 },
    { name: s.label, kind: 'text', width: 30 },
  ];
}

export function descriptivesTable(entries: readonly DashboardEntry[], language: Locale): Table {
  const t = EXPORT_TERMS[language];
  const s = t.stats;
  const columns: Column[] = [
    ...sourceColumns(s),
    ...subjectColumns(s),
    { name: s.wave, kind: 'text', width: 10 },
    { name: s.n, kind: 'integer', width: 6 },
    { name: s.mean, kind: 'decimal' },
    { name: s.sd, kind: 'decimal' },
    { name: s.ciLow, kind: 'decimal' },
    { name: s.ciHigh, kind: 'decimal' },
    { name: s.median, kind: 'decimal' },
    { name: s.q1, kind: 'decimal' },
    { name: s.q3, kind: 'decimal' },
    { name: s.missing, kind: 'integer' },
    { name: s.declined, kind: 'integer' },
    { name: s.shareAgree, kind: 'decimal', format: '0%' },
    { name: s.suppressed, kind: 'text', width: 10 },
    { name: s.note, kind: 'text', width: 40 },
  ];
  const rows: Cell[][] = [];
  for (const { instrumentName, dashboard: d } of entries) {
    const waves = waveLabels(d);
    const hidden = s.suppressedNote(d.minGroupSize);
    for (const scale of d.scales) {
      for (const { waveId, stats } of scale.perWave) {
        const show = (v: number | null) => (stats.suppressed ? null : v);
        rows.push([
          d.networkName, instrumentName, s.levelScale, scale.scaleId, inLocale(scale.label, language), waves.get(waveId) ?? waveId,
          stats.n, show(stats.mean), show(stats.sd), show(stats.ciLow), show(stats.ciHigh),
          null, null, null, null, null, null,
          stats.suppressed ? t.yes : t.no, stats.suppressed ? hidden : '',
        ]);
      }
    }
    for (const item of d.items) {
      for (const { waveId, stats } of item.perWave) {
        const show = (v: number | null) => (stats.suppressed ? null : v);
        const note = [stats.suppressed ? hidden : '', item.reverse ? s.reversedNote : ''].filter((x) => x !== '').join(' ');
        rows.push([
          d.networkName, instrumentName, s.levelItem, item.itemId, inLocale(item.label, language), waves.get(waveId) ?? waveId,
          stats.n, show(stats.mean), show(stats.sd), null, null,
          show(stats.median), show(stats.q1), show(stats.q3), stats.missing, stats.declined, show(stats.shareAgree),
          stats.suppressed ? t.yes : t.no, note,
        ]);
      }
    }
  }
  return { name: t.sheets.descriptives, columns, rows };
}

export function comparisonTable(entries: readonly DashboardEntry[], language: Locale): Table {
  const t = EXPORT_TERMS[language];
  const s = t.stats;
  const columns: Column[] = [
    ...comparedWaveColumns(s),
    ...subjectColumns(s),
    { name: s.method, kind: 'text', width: 30 },
    { name: s.nBaseline, kind: 'integer' },
    { name: s.nFollowUp, kind: 'integer' },
    { name: s.meanDiff, kind: 'decimal' },
    { name: s.ciLow, kind: 'decimal' },
    { name: s.ciHigh, kind: 'decimal' },
    { name: s.test, kind: 'text', width: 18 },
    { name: s.statistic, kind: 'decimal' },
    { name: s.df, kind: 'decimal' },
    { name: s.p, kind: 'decimal', format: P },
    { name: s.rankTest, kind: 'text', width: 18 },
    { name: s.rankStatistic, kind: 'decimal' },
    { name: s.pRank, kind: 'decimal', format: P },
    { name: s.rankMethod, kind: 'text', width: 14 },
    { name: s.effectName, kind: 'text', width: 12 },
    { name: s.effect, kind: 'decimal' },
    { name: s.rankBiserial, kind: 'decimal' },
    { name: s.tooSmall, kind: 'text', width: 8 },
    { name: s.exploratory, kind: 'text', width: 10 },
    { name: s.note, kind: 'text', width: 30 },
  ];
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  const rankMethod = (m: 'exact' | 'normal' | null) => (m ? s.rankMethods[m] : null);
  const rows: Cell[][] = [];
  for (const { instrumentName, dashboard: d } of entries) {
    const waves = waveLabels(d);
    for (const c of d.comparisons) {
      const base = waves.get(c.baselineWaveId) ?? c.baselineWaveId;
      const follow = waves.get(c.followUpWaveId) ?? c.followUpWaveId;
      for (const row of c.rows) {
        const kind = row.kind === 'scale' ? s.levelScale : s.levelItem;
        const note = noticeText(row.notices, s);
        const a = row.allRespondents;
        rows.push([
          d.networkName, instrumentName, base, follow, kind, row.id, inLocale(row.label, language), s.methodAll,
          a.nBaseline, a.nFollowUp, a.meanDiff, a.ciLow, a.ciHigh,
          s.tests.partialOverlap, a.t, a.df, a.p,
          null, null, null, null,
          null, null, null, yesNo(a.tooSmall), yesNo(c.exploratory), note,
        ]);
        const p = row.paired;
        rows.push([
          d.networkName, instrumentName, base, follow, kind, row.id, inLocale(row.label, language), s.methodPaired,
          p.n, p.n, p.meanDiff, p.ciLow, p.ciHigh,
          s.tests.pairedT, p.t, p.df, p.pT,
          s.tests.wilcoxon, p.wilcoxonV, p.pWilcoxon, rankMethod(p.wilcoxonMethod),
          s.tests.dz, p.dz, p.rankBiserial, yesNo(p.tooSmall), yesNo(c.exploratory), note,
        ]);
        const i = row.independent;
        rows.push([
          d.networkName, instrumentName, base, follow, kind, row.id, inLocale(row.label, language), s.methodIndependent,
          i.nBaseline, i.nFollowUp, i.meanDiff, null, null,
          s.tests.welch, i.welchT, i.welchDf, i.pWelch,
          s.tests.mannWhitney, i.mannWhitneyW, i.pMannWhitney, rankMethod(i.mannWhitneyMethod),
          null, null, i.rankBiserial, yesNo(i.tooSmall), yesNo(c.exploratory), note,
        ]);
      }
    }
  }
  return { name: t.sheets.comparison, columns, rows };
}

export function reliabilityTable(entries: readonly DashboardEntry[], language: Locale): Table {
  const t = EXPORT_TERMS[language];
  const s = t.stats;
  const columns: Column[] = [
    ...sourceColumns(s),
    { name: s.id, kind: 'text', width: 14 },
    { name: s.label, kind: 'text', width: 30 },
    { name: s.wave, kind: 'text', width: 10 },
    { name: s.alpha, kind: 'decimal', format: TWO },
    { name: s.alphaN, kind: 'integer' },
    { name: s.items, kind: 'integer' },
    { name: s.smallSample, kind: 'text', width: 10 },
    { name: s.constantItems, kind: 'integer' },
    { name: s.alphaUnavailable, kind: 'text', width: 30 },
  ];
  const rows: Cell[][] = [];
  for (const { instrumentName, dashboard: d } of entries) {
    const waves = waveLabels(d);
    for (const scale of d.scales) {
      for (const { waveId, alpha } of scale.perWave) {
        rows.push([
          d.networkName, instrumentName, scale.scaleId, inLocale(scale.label, language), waves.get(waveId) ?? waveId, alpha.alpha, alpha.n, alpha.items, alpha.smallSample ? t.yes : t.no,
          alpha.constantItems, alpha.unavailable ? s.alphaReasons[alpha.unavailable] : null,
        ]);
      }
    }
  }
  return { name: t.sheets.reliability, columns, rows };
}

export function linkingTable(entries: readonly DashboardEntry[], language: Locale): Table {
  const t = EXPORT_TERMS[language];
  const s = t.stats;
  const columns: Column[] = [
    ...comparedWaveColumns(s),
    { name: s.matched, kind: 'integer' },
    { name: s.tolerant, kind: 'integer' },
    { name: s.proposals, kind: 'integer' },
    { name: s.rejected, kind: 'integer' },
    { name: s.unmatchedBaseline, kind: 'integer' },
    { name: s.unmatchedFollowUp, kind: 'integer' },
  ];
  const rows: Cell[][] = [];
  for (const { instrumentName, dashboard: d } of entries) {
    const waves = waveLabels(d);
    for (const c of d.comparisons) {
      const l = c.linking;
      rows.push([
        d.networkName, instrumentName, waves.get(l.baselineWaveId) ?? l.baselineWaveId, waves.get(l.followUpWaveId) ?? l.followUpWaveId,
        l.matched, l.tolerant, l.proposals, l.rejected, l.unmatchedBaseline, l.unmatchedFollowUp,
      ]);
    }
  }
  return { name: t.sheets.linking, columns, rows };
}
