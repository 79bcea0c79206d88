import type { OpenAnswer, WaveOpenAnswers } from '../../../../shared/open-answers';
import type { ReportBlock, ReportRun } from '../../../../shared/report';
import type { BreakdownChoice, Comparison, ConversationPoint, Dashboard, GroupBreakdown, ScaleSeries } from '../../../../shared/results';
import { comparisonWith, gradeItem, practicalDifference, summarize, type ResultsSummary } from '../../../../shared/results-summary';
import { formatCount, formatInterval, formatNumber, formatPercent, formatSigned, formatSignedInterval, NO_VALUE, pick } from '../dashboard/format';
import { differenceRows, distributionCell, distributionOptions, distributionRows, groupCell, groupScales, indicatorChangeRows, meanCell, responseRows, type DifferenceRow, waveLabelOf } from '../dashboard/model';
import { conditionLine, differenceText, highlightLines, indicatorChangeStartWave, overallLine, pointFacts, pointsByKind, POINT_KINDS, responseLines, verdictWord } from '../dashboard/summary-text';
import type { Translate } from '../dashboard/notices';
import {
  bullets,
  cellTexts,
  chartBlock,
  heading,
  left,
  paragraph,
  right,
  runBullets,
  splitTable,
  table,
  type PartContext,
} from './report-parts';
import { multipleChoiceBlocks } from './report-multiple-choice';

/**
 * The parts of a report about one instrument's dashboard, in the words and numbers of the results
 * screen: the summary (summary-text.ts), a part per condition with its chart, tables and
 * conversation points, the overview charts, the rapportcijfer, response and linking, "for whom"
 * and the open answers. Every number is formatted by the screen's format functions; a suppressed
 * statistic becomes the screen's sentence, never a number.
 */


const statsIn = (s: ScaleSeries, waveId: string) => s.perWave.find((p) => p.waveId === waveId)?.stats;

/** The comparison of the baseline with the follow-up wave the screen opens on (the latest with results); undefined with one wave. */
export const latestComparison = (d: Dashboard): Comparison | undefined => comparisonWith(d, indicatorChangeStartWave(d) || null);

/**
 * The screen's difference rows of one comparison, computed once per report build: every condition's
 * part looks up its own row, and a report has many conditions.
 */
const rowsMemo = new WeakMap<Comparison, Map<string, DifferenceRow[]>>();
function memoRows(c: Comparison, key: string, compute: () => DifferenceRow[]): DifferenceRow[] {
  let byKey = rowsMemo.get(c);
  if (!byKey) rowsMemo.set(c, (byKey = new Map()));
  let rows = byKey.get(key);
  if (!rows) byKey.set(key, (rows = compute()));
  return rows;
}
export const scaleChangeRows = (ctx: PartContext, c: Comparison, kind: 'scale' | 'item' = 'scale') => memoRows(c, `${kind}/${ctx.locale}`, () => differenceRows(ctx.d, c, kind, ctx.locale));
const statementChangeRows = (ctx: PartContext, c: Comparison) => memoRows(c, `statements/${ctx.locale}`, () => indicatorChangeRows(ctx.d, c, ctx.locale));

/** A n for a table: the count, or a dash for a suppressed group (whose size is not given away). */
const nCell = (stats: { n: number; suppressed: boolean } | undefined, ctx: PartContext) => (stats && !stats.suppressed ? formatCount(stats.n, ctx.locale) : NO_VALUE);

// --- summary ------------------------------------------------------------------------------------

/** The summary as the results screen words it: the opening sentence, a line per condition, what stands out, who took part. */
export function summaryBlocks(ctx: PartContext, s: ResultsSummary, withResponse = true, level: 2 | 3 = 2): ReportBlock[] {
  const { d, t, locale } = ctx;
  const blocks: ReportBlock[] = [heading(level, t('summary.title'))];
  const overall = overallLine(s, t);
  const latest = s.latestWaveId ? waveLabelOf(d.waves, s.latestWaveId) : '';
  blocks.push(paragraph(overall ?? t('summary.single', { wave: latest }), 'lead'));
  const conditions = s.conditions.map((c) => conditionLine(c, d, t, locale).text);
  if (conditions.length) blocks.push(heading(3, t('summary.headingConditions')), ...bullets(conditions));
  const highlights = highlightLines(s, d, t, locale).map((l) => l.text);
  if (highlights.length) blocks.push(heading(3, t('summary.headingHighlights')), ...bullets(highlights));
  if (withResponse) blocks.push(heading(3, t('summary.headingResponse')), ...bullets(responseLines(s, d, t, locale).map((l) => l.text)));
  const firstRange = d.scales[0]?.range;
  if (overall && firstRange) {
    blocks.push(paragraph(t('summary.howToRead', { threshold: formatNumber(practicalDifference(firstRange), locale), min: firstRange.min, max: firstRange.max }), 'note'));
  }
  return blocks;
}

// --- conversation points -------------------------------------------------------------------------

/** A conversation point as the screen shows it: its label, what kind, its numbers, and the question to talk about. */
export function pointRuns(p: ConversationPoint, ctx: PartContext): ReportRun[] {
  const { d, t, locale } = ctx;
  const reversed = p.kind !== 'dontKnow' && d.items.find((it) => it.itemId === p.itemId)?.reverse ? ` (${t('dashboard.reverse.afterReversal')})` : '';
  return [
    { text: pick(p.label, locale), bold: true },
    { text: ` · ${t(`conversationPoints.${p.kind}`)}: ${pointFacts(p, d, t, locale)}${reversed}. ` },
    { text: pick(p.prompt, locale), italic: true },
  ];
}

/** The points of one condition (or of no condition: scaleId null), in the screen's order of kinds. */
export function pointsOf(d: Dashboard, scaleId: string | null): ConversationPoint[] {
  const byKind = pointsByKind(d);
  return POINT_KINDS.flatMap((k) => byKind[k].filter((p) => p.scaleId === scaleId));
}

// --- per condition ---------------------------------------------------------------------------------

function meansTable(ctx: PartContext, s: ScaleSeries): ReportBlock {
  const { d, t, locale } = ctx;
  const texts = cellTexts(ctx);
  return table(
    t('reportText.meansCaption', { name: pick(s.label, locale), min: s.range.min, max: s.range.max }),
    [left(t('dashboard.wave')), right(t('dashboard.n')), right(t('dashboard.mean')), right(t('dashboard.sd')), right(t('dashboard.ci'))],
    d.waves.map((w) => {
      const st = statsIn(s, w.waveId);
      const shown = !!st && !st.suppressed && st.mean !== null;
      return [w.label, nCell(st, ctx), meanCell(st, locale, texts), shown ? formatNumber(st.sd, locale) : NO_VALUE, shown ? formatInterval(st.ciLow, st.ciHigh, locale) : NO_VALUE];
    }),
  );
}

/** The cells of a change row: n baseline, n follow-up, pairs, difference, interval, verdict. */
function changeCells(r: DifferenceRow | undefined, ctx: PartContext): string[] {
  if (!r) return [NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE, verdictWord('tooFew', ctx.t)];
  return [
    formatCount(r.nBaseline, ctx.locale),
    formatCount(r.nFollowUp, ctx.locale),
    formatCount(r.nPairs, ctx.locale),
    formatSigned(r.diff, ctx.locale),
    formatSignedInterval(r.ciLow, r.ciHigh, ctx.locale),
    r.status === 'absent' ? ctx.t('reportText.notInBoth') : verdictWord(r.verdict, ctx.t),
  ];
}

const changeColumns = (ctx: PartContext) => [
  right(ctx.t('reportText.nBaseline')),
  right(ctx.t('reportText.nFollowUp')),
  right(ctx.t('reportText.nPairs')),
  right(ctx.t('reportText.difference')),
  right(ctx.t('dashboard.ci')),
  left(ctx.t('indicatorChange.verdict')),
];

function conditionChangeTable(ctx: PartContext, s: ScaleSeries): ReportBlock[] {
  const { d, t, locale } = ctx;
  if (d.comparisons.length === 0) return [];
  const baseline = waveLabelOf(d.waves, d.comparisons[0]!.baselineWaveId);
  return [
    table(
      t('reportText.conditionChangeCaption', { name: pick(s.label, locale), baseline }),
      [left(t('reportText.followUp')), ...changeColumns(ctx)],
      d.comparisons.map((c) => [waveLabelOf(d.waves, c.followUpWaveId), ...changeCells(scaleChangeRows(ctx, c).find((r) => r.id === s.scaleId), ctx)]),
      t('reportText.changeNote'),
    ),
  ];
}

function statementsTables(ctx: PartContext, s: ScaleSeries, c: Comparison | undefined): ReportBlock[] {
  const { d, t, locale } = ctx;
  const items = d.items.filter((it) => it.scaleId === s.scaleId && it.type === 'scale');
  if (items.length === 0) return [];
  const texts = cellTexts(ctx);
  const changes = c ? statementChangeRows(ctx, c) : [];
  const followUp = c ? waveLabelOf(d.waves, c.followUpWaveId) : '';
  const baseline = c ? waveLabelOf(d.waves, c.baselineWaveId) : '';
  return splitTable({
    t,
    caption: t('reportText.statementsCaption', { name: pick(s.label, locale) }),
    lead: [left(t('reportText.statement'))],
    groups: d.waves,
    groupColumns: (w) => [right(w.label)],
    rows: items.map((it) => [`${pick(it.label, locale)}${it.reverse ? ` (${t('reportText.reversed')})` : ''}`]),
    cells: (i, w) => {
      const it = items[i]!;
      if (!it.presentIn.includes(w.waveId)) return [NO_VALUE];
      return [meanCell(it.perWave.find((p) => p.waveId === w.waveId)?.stats, locale, texts)];
    },
    tail: c
      ? {
          columns: [right(t('reportText.differenceOf', { followUp, baseline })), left(t('indicatorChange.verdict'))],
          cells: (i) => {
            const r = changes.find((x) => x.id === items[i]!.itemId);
            return r ? [formatSigned(r.diff, locale), r.status === 'absent' ? t('reportText.notInBoth') : verdictWord(r.verdict, t)] : [NO_VALUE, verdictWord('tooFew', t)];
          },
        }
      : undefined,
    note: t('reportText.statementsNote'),
  });
}

/** A condition: heading, charts (answers per statement; change per statement at the latest follow-up), tables, conversation points. */
export function conditionBlocks(ctx: PartContext, s: ScaleSeries): ReportBlock[] {
  const { d, t, locale } = ctx;
  const name = pick(s.label, locale);
  const c = latestComparison(d);
  const blocks: ReportBlock[] = [heading(2, name)];
  blocks.push(chartBlock(ctx, { kind: 'distribution', scaleId: s.scaleId }, t('reportText.distributionCaption', { name }), t('reportText.distributionAlt', { name })));
  blocks.push(meansTable(ctx, s));
  blocks.push(...conditionChangeTable(ctx, s));
  if (c) {
    const followUp = waveLabelOf(d.waves, c.followUpWaveId);
    const baseline = waveLabelOf(d.waves, c.baselineWaveId);
    blocks.push(
      chartBlock(
        ctx,
        { kind: 'statementChange', followUpWaveId: c.followUpWaveId, scaleId: s.scaleId },
        t('reportText.statementChangeCaption', { name, followUp, baseline }),
        t('reportText.statementChangeAlt', { name, followUp, baseline }),
      ),
    );
  }
  blocks.push(...statementsTables(ctx, s, c));
  const points = pointsOf(d, s.scaleId);
  if (points.length) blocks.push(heading(3, t('dashboard.conversation.title')), ...runBullets(points.map((p) => pointRuns(p, ctx))));
  return blocks;
}

/** The overview: conditions per wave (radar, and the trend with two or more waves) and the change per follow-up wave, with their tables. */
export function overviewBlocks(ctx: PartContext): ReportBlock[] {
  const { d, t, locale } = ctx;
  if (d.scales.length === 0) return [];
  const texts = cellTexts(ctx);
  const waves = d.waves.map((w) => w.label).join(', ');
  const blocks: ReportBlock[] = [heading(2, t('reportText.overviewTitle'))];
  blocks.push(chartBlock(ctx, { kind: 'radar' }, t('dashboard.radar.title'), t('reportText.radarAlt', { waves })));
  if (d.waves.length >= 2) blocks.push(chartBlock(ctx, { kind: 'trend' }, t('dashboard.trend.title'), t('reportText.trendAlt', { waves })));
  blocks.push(
    ...splitTable({
      t,
      caption: t('reportText.overviewCaption'),
      lead: [left(t('dashboard.scale'))],
      groups: d.waves,
      groupColumns: (w) => [right(w.label)],
      rows: d.scales.map((s) => [pick(s.label, locale)]),
      cells: (i, w) => [meanCell(statsIn(d.scales[i]!, w.waveId), locale, texts)],
    }),
  );
  for (const c of d.comparisons) {
    const followUp = waveLabelOf(d.waves, c.followUpWaveId);
    const baseline = waveLabelOf(d.waves, c.baselineWaveId);
    const rows = scaleChangeRows(ctx, c);
    blocks.push(heading(3, t('dashboard.change.subtitle', { baseline, followUp })));
    blocks.push(chartBlock(ctx, { kind: 'change', followUpWaveId: c.followUpWaveId }, t('dashboard.change.subtitle', { baseline, followUp }), t('reportText.changeAlt', { baseline, followUp })));
    blocks.push(
      table(
        t('dashboard.change.caption', { baseline, followUp }),
        [left(t('dashboard.scale')), ...changeColumns(ctx)],
        rows.map((r) => [r.label, ...changeCells(r, ctx)]),
        t('reportText.changeNote'),
      ),
    );
  }
  return blocks;
}

// --- rapportcijfer ---------------------------------------------------------------------------------

export function gradeBlocks(ctx: PartContext): ReportBlock[] {
  const { d, t, locale } = ctx;
  const item = gradeItem(d);
  if (!item) return [];
  const texts = cellTexts(ctx);
  const name = pick(item.label, locale);
  const blocks: ReportBlock[] = [heading(2, name), paragraph(t('gradeSection.intro', { min: d.minGroupSize }))];
  blocks.push(chartBlock(ctx, { kind: 'grade' }, t('gradeSection.caption', { name }), t('reportText.gradeAlt', { name }), 'none', 12));
  blocks.push(
    table(
      t('gradeSection.caption', { name }),
      [left(t('dashboard.wave')), right(t('dashboard.n')), right(t('dashboard.mean')), right(t('gradeSection.median'))],
      d.waves.map((w) => {
        const st = item.perWave.find((p) => p.waveId === w.waveId)?.stats;
        const shown = !!st && !st.suppressed && st.mean !== null;
        return [w.label, nCell(st, ctx), shown ? formatNumber(st.mean, locale, 1) : meanCell(st, locale, texts), shown ? formatNumber(st.median, locale, 1) : NO_VALUE];
      }),
    ),
  );
  for (const c of d.comparisons) {
    const row = scaleChangeRows(ctx, c, 'item').find((r) => r.id === item.itemId);
    const followUp = waveLabelOf(d.waves, c.followUpWaveId);
    const baseline = waveLabelOf(d.waves, c.baselineWaveId);
    if (row && row.diff !== null && row.verdict !== 'tooFew') {
      blocks.push(paragraph(t('gradeSection.change', { followUp, baseline, difference: differenceText({ meanDiff: row.diff, ciLow: row.ciLow, ciHigh: row.ciHigh }, t, locale), verdict: verdictWord(row.verdict, t) })));
    } else {
      blocks.push(paragraph(t('gradeSection.changeTooFew', { followUp, baseline })));
    }
  }
  return blocks;
}

// --- questions outside the conditions -----------------------------------------------------------------

/** Choices and statements of no condition (the network's phase, background questions): how the answers are spread, per wave. */
export function otherQuestionsBlocks(ctx: PartContext): ReportBlock[] {
  const { d, t, locale } = ctx;
  const grade = gradeItem(d);
  const items = d.items.filter((it) => it.scaleId === null && it.type !== 'number' && it.type !== 'multiple' && it.itemId !== grade?.itemId);
  if (items.length === 0) return [];
  const texts = cellTexts(ctx);
  const title = t('dashboard.distribution.other');
  const blocks: ReportBlock[] = [heading(2, title), chartBlock(ctx, { kind: 'distribution', scaleId: null }, title, t('reportText.otherQuestionsAlt'))];
  const all = distributionRows(d, null, locale);
  for (const it of items) {
    const rows = all.filter((r) => r.itemId === it.itemId);
    const options = distributionOptions(rows);
    if (options.length === 0 && !rows.some((r) => r.suppressed)) continue;
    blocks.push(
      ...splitTable({
        t,
        caption: t('reportText.otherQuestionCaption', { name: pick(it.label, locale) }),
        lead: [left(t('reportText.answer'))],
        groups: rows,
        groupColumns: (r) => [right(r.waveLabel)],
        rows: options.map((o) => [o.label]),
        cells: (i, r) => [r.suppressed ? texts.suppressed : r.absent ? NO_VALUE : distributionCell(r, options[i]!.code, locale)],
        note: pick(it.text, locale),
      }),
    );
  }
  return blocks;
}

// --- response and linking --------------------------------------------------------------------------

export function responseBlocks(ctx: PartContext): ReportBlock[] {
  const { d, t, locale } = ctx;
  const blocks: ReportBlock[] = [heading(2, t('reportText.responseTitle'))];
  blocks.push(chartBlock(ctx, { kind: 'response' }, t('dashboard.responses.title'), t('reportText.responseAlt'), 'none', 12));
  blocks.push(
    table(
      t('dashboard.responses.caption'),
      [left(t('dashboard.wave')), right(t('dashboard.responses.invited')), right(t('dashboard.responses.started')), right(t('dashboard.responses.complete')), right(t('dashboard.responses.rate'))],
      responseRows(d).map((r) => [r.label, r.invited === null ? t('dashboard.responses.unknown') : formatCount(r.invited, locale), formatCount(r.started, locale), formatCount(r.complete, locale), formatPercent(r.completeShare, locale)]),
    ),
  );
  if (d.responseByOrganisation.length) {
    blocks.push(
      ...splitTable({
        t,
        caption: t('reportText.responseByOrganisationCaption'),
        lead: [left(t('reportText.organisation'))],
        groups: d.waves,
        groupColumns: (w) => [right(t('reportText.startedIn', { wave: w.label })), right(t('reportText.completeIn', { wave: w.label }))],
        rows: d.responseByOrganisation.map((o) => [o.name ?? t('reportText.noOrganisation')]),
        cells: (i, w) => {
          const p = d.responseByOrganisation[i]!.perWave.find((x) => x.waveId === w.waveId);
          return [formatCount(p?.started ?? 0, locale), formatCount(p?.complete ?? 0, locale)];
        },
        note: t('reportText.responseByOrganisationNote'),
      }),
    );
  }
  if (d.comparisons.length) {
    blocks.push(heading(3, t('linkingSummary.title')));
    const baseline = waveLabelOf(d.waves, d.comparisons[0]!.baselineWaveId);
    blocks.push(paragraph(t('linkingSummary.intro', { baseline })));
    blocks.push(
      table(
        t('reportText.linkingCaption', { baseline }),
        [left(t('reportText.followUp')), right(t('reportText.linkedEqual')), right(t('reportText.linkedNear')), right(t('reportText.linkWaiting')), right(t('reportText.onlyBaseline')), right(t('reportText.onlyFollowUp'))],
        d.comparisons.map((c) => {
          const l = c.linking;
          return [waveLabelOf(d.waves, c.followUpWaveId), ...[l.matched, l.tolerant, l.proposals, l.unmatchedBaseline, l.unmatchedFollowUp].map((v) => formatCount(v, locale))];
        }),
        t('reportText.linkingNote'),
      ),
    );
  }
  return blocks;
}

// --- for whom ----------------------------------------------------------------------------------------

const hasShown = (b: GroupBreakdown | null) => !!b && b.groups.some((g) => g.perScale.some((s) => s.perWave.some((p) => !p.stats.suppressed && p.stats.mean !== null)));

/** One breakdown's tables: per wave with shown values, conditions as rows and groups as columns (split to fit). */
function groupTables(ctx: PartContext, b: GroupBreakdown, caption: (wave: string) => string, withRange: boolean): ReportBlock[] {
  const { d, t, locale } = ctx;
  const texts = cellTexts(ctx);
  const blocks: ReportBlock[] = [];
  for (const w of d.waves) {
    const scales = groupScales(d, b, w.waveId, locale);
    if (!scales.some((s) => s.groups.some((g) => g.mean !== null))) continue;
    const groups = scales[0]!.groups.map((g, i) => ({ ...g, index: i }));
    blocks.push(
      ...splitTable({
        t,
        caption: caption(w.label),
        lead: [left(t('dashboard.scale'))],
        groups,
        groupColumns: (g) => [right(g.label)],
        rows: scales.map((s) => [s.label]),
        cells: (i, g) => [groupCell(scales[i]!.groups[g.index]!, locale, texts)],
        tail: withRange
          ? {
              columns: [right(t('dashboard.spread.range'))],
              cells: (i) => {
                const s = scales[i]!;
                return [
                  s.min !== null && s.max !== null && s.groups.filter((g) => g.mean !== null).length >= 2
                    ? t('dashboard.spread.rangeCell', { low: formatNumber(s.min, locale), high: formatNumber(s.max, locale), diff: formatNumber(s.max - s.min, locale) })
                    : NO_VALUE,
                ];
              },
            }
          : undefined,
      }),
    );
  }
  return blocks;
}

const hiddenNote = (ctx: PartContext, b: GroupBreakdown, kind: 'spread' | 'breakdown'): string =>
  [b.hiddenGroups > 0 ? ctx.t(`dashboard.${kind}.hidden`, { count: b.hiddenGroups, min: ctx.d.minGroupSize }) : '', ctx.t('reportText.hiddenMeaning', { min: ctx.d.minGroupSize })].filter(Boolean).join(' ');

/** A breakdown's name: "rolgroep", "sector" … */
export function breakdownName(b: Exclude<BreakdownChoice, 'none'>, t: Translate): string {
  if (b === 'role') return t('dashboard.breakdown.byRole');
  if (b === 'discipline') return t('dashboard.breakdown.byDiscipline');
  return t(`forWhom.by.${b}`);
}

export function forWhomBlocks(ctx: PartContext, breakdowns: { breakdown: Exclude<BreakdownChoice, 'none'>; dashboard: Dashboard | undefined }[]): ReportBlock[] {
  const { d, t } = ctx;
  if (d.scales.length === 0) return [];
  const blocks: ReportBlock[] = [heading(2, t('reportText.forWhomTitle')), heading(3, t('dashboard.spread.title'))];
  const fallback = !hasShown(d.organisations) && hasShown(d.spreadFallback) ? d.spreadFallback : null;
  const spread = fallback ?? d.organisations;
  if (!hasShown(spread)) {
    blocks.push(paragraph(t('dashboard.spread.none', { min: d.minGroupSize })));
  } else {
    if (fallback) blocks.push(paragraph(t(fallback.groupBy === 'sector' ? 'forWhom.spread.fallbackSector' : 'forWhom.spread.fallbackSizeClass', { min: d.minGroupSize })));
    else blocks.push(paragraph(t('dashboard.spread.intro', { min: d.minGroupSize })));
    blocks.push(chartBlock(ctx, { kind: 'spread' }, t('dashboard.spread.title'), t('reportText.spreadAlt')));
    const by = fallback ? t(`forWhom.by.${fallback.groupBy}`) : t('forWhom.by.organisation');
    const tables = groupTables(ctx, spread, (wave) => (fallback ? t('forWhom.spread.caption', { by, wave }) : t('dashboard.spread.caption', { wave })), true);
    blocks.push(...tables.slice(0, -1), withNote(tables.at(-1)!, hiddenNote(ctx, spread, 'spread')));
  }
  for (const { breakdown, dashboard } of breakdowns) {
    const by = breakdownName(breakdown, t);
    blocks.push(heading(3, t('dashboard.breakdown.title', { by })));
    const b = dashboard?.breakdown ?? null;
    if (!b || !hasShown(b)) {
      blocks.push(paragraph(b ? t('dashboard.breakdown.none', { min: d.minGroupSize }) : t('reportText.breakdownUnavailable', { by })));
      continue;
    }
    blocks.push(paragraph(t('dashboard.breakdown.intro', { min: d.minGroupSize })));
    blocks.push(chartBlock(ctx, { kind: 'breakdown' }, t('dashboard.breakdown.title', { by }), t('reportText.breakdownAlt', { by }), breakdown));
    const tables = groupTables({ ...ctx, d: dashboard! }, b, (wave) => t('dashboard.breakdown.caption', { by, wave }), false);
    blocks.push(...tables.slice(0, -1), withNote(tables.at(-1)!, hiddenNote(ctx, b, 'breakdown')));
  }
  return blocks;
}

function withNote(block: ReportBlock, note: string): ReportBlock {
  return block.type === 'table' ? { ...block, note: block.note ? `${block.note} ${note}` : note } : block;
}

// --- open answers ------------------------------------------------------------------------------------

/**
 * The answers to this instrument's open questions, per question and wave, each as a quotation
 * (the text as written, never a code). The organisation is named only where the data says it may
 * be (`organisation.shown`).
 */
export function openAnswerBlocks(ctx: PartContext, perWave: readonly WaveOpenAnswers[]): ReportBlock[] {
  const { d, t, locale } = ctx;
  const questions = new Map<string, { label: string; question: string; waves: { wave: string; answers: OpenAnswer[] }[] }>();
  for (const w of perWave) {
    for (const q of w.questions) {
      if (q.instrumentId !== d.instrumentId) continue;
      const entry = questions.get(q.itemId) ?? { label: pick(q.label, locale), question: pick(q.question, locale), waves: [] };
      entry.waves.push({ wave: w.waveLabel, answers: q.answers });
      questions.set(q.itemId, entry);
    }
  }
  if (questions.size === 0) return [];
  const blocks: ReportBlock[] = [heading(2, t('reportText.openAnswersTitle')), paragraph(t('reportText.openAnswersIntro', { min: d.minGroupSize }), 'note')];
  for (const q of questions.values()) {
    blocks.push(heading(3, q.label), paragraph(q.question, 'note'));
    for (const w of q.waves) {
      blocks.push({ type: 'paragraph', runs: [{ text: t('reportText.openAnswersWave', { wave: w.wave, count: w.answers.length }), bold: true }] });
      const named = [...new Set(w.answers.flatMap((a) => (a.organisation.shown ? [a.organisation.name] : [])))];
      if (named.length === 0) {
        blocks.push(...w.answers.map((a): ReportBlock => ({ type: 'quote', text: a.text })));
        continue;
      }
      for (const name of named) {
        blocks.push(paragraph(t('reportText.openAnswersFrom', { organisation: name }), 'note'));
        blocks.push(...w.answers.filter((a) => a.organisation.shown && a.organisation.name === name).map((a): ReportBlock => ({ type: 'quote', text: a.text })));
      }
      const rest = w.answers.filter((a) => !a.organisation.shown);
      if (rest.length) blocks.push(paragraph(t('reportText.openAnswersUnnamed'), 'note'), ...rest.map((a): ReportBlock => ({ type: 'quote', text: a.text })));
    }
  }
  return blocks;
}

// --- one instrument, whole ------------------------------------------------------------------------

/** Everything a report says about one instrument's dashboard, in order. */
export function instrumentBlocks(
  ctx: PartContext,
  opts: { breakdowns: { breakdown: Exclude<BreakdownChoice, 'none'>; dashboard: Dashboard | undefined }[]; openAnswers: readonly WaveOpenAnswers[] | null },
): ReportBlock[] {
  const { d, t } = ctx;
  const s = summarize(d);
  const blocks: ReportBlock[] = d.scales.length || s.grade ? [...summaryBlocks(ctx, s)] : [paragraph(t('reportText.noScales'), 'lead')];
  for (const scale of d.scales) blocks.push(...conditionBlocks(ctx, scale));
  const loose = pointsOf(d, null);
  if (loose.length) blocks.push(heading(2, t('reportText.otherPointsTitle')), ...runBullets(loose.map((p) => pointRuns(p, ctx))));
  blocks.push(...overviewBlocks(ctx), ...gradeBlocks(ctx), ...otherQuestionsBlocks(ctx), ...multipleChoiceBlocks(ctx), ...responseBlocks(ctx), ...forWhomBlocks(ctx, opts.breakdowns));
  if (opts.openAnswers) blocks.push(...openAnswerBlocks(ctx, opts.openAnswers));
  return blocks;
}

