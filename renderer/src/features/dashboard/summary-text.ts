import type { ChangeVerdict, ConversationPoint, Dashboard, ScoreRange, WaveColumn } from '../../../../shared/results';
import { latestWaveWithResults, type ChangeSummary, type ConditionSummary, type ResultsSummary, type WaveMean } from '../../../../shared/results-summary';
import type { Locale } from '../../../../shared/text';
import { formatCount, formatNumber, formatSigned, NO_VALUE, pick } from './format';
import type { Translate } from './notices';

/**
 * The *Samenvatting* and the *gesprekspunten* in words, from the decisions of
 * shared/results-summary.ts and shared/conversation.ts and the sentences of the locale files
 * (`summary.*`, `conversationPoints.*`). Pure (no React, no i18next): the unit tests run it with the
 * real nl.json and en.json. Every line names the numbers it rests on and where in the details they
 * stand (`target`), so a person can check each sentence.
 */

/** The tabs of the results screen, in order. */
export const RESULTS_TABS = ['summary', 'conditions', 'statements', 'groups', 'response', 'research'] as const;
export type ResultsTab = (typeof RESULTS_TABS)[number];

/** Where in the details a number stands: the tab and the id of the element (a table row or a section heading). */
export interface DetailTarget {
  tab: ResultsTab;
  id: string;
}

/**
 * The follow-up wave the change per statement opens on: the latest with results (as the summary
 * and the conversation points), else the last follow-up wave; '' without a comparison. A planned
 * wave without answers does not hide the changes that are there.
 */
export function indicatorChangeStartWave(d: Dashboard): string {
  const followUps = d.comparisons.map((c) => c.followUpWaveId);
  const latest = latestWaveWithResults(d);
  return latest !== null && followUps.includes(latest) ? latest : (followUps.at(-1) ?? '');
}

/** Element ids of the rows and sections the summary points to. */
export const detailIds = {
  /** The row of a condition in the change table (all respondents) of one follow-up wave. */
  conditionChange: (followUpWaveId: string, scaleId: string) => `detail-change-${followUpWaveId}-${scaleId}`,
  /** The row of a condition in one wave of the table of means per wave. */
  conditionMean: (scaleId: string, waveId: string) => `detail-mean-${scaleId}-${waveId}`,
  /** The row of a statement in the change per statement. */
  indicatorChange: (followUpWaveId: string, itemId: string) => `detail-item-${followUpWaveId}-${itemId}`,
  /** The row of one wave in the table of the rapportcijfer. */
  grade: (waveId: string) => `detail-grade-${waveId}`,
  responses: 'dash-responses',
  linking: 'dash-linking',
} as const;

export interface SummaryLine {
  key: string;
  text: string;
  /** For a marker that repeats the verdict in a symbol. */
  verdict: ChangeVerdict | null;
  /** Where its numbers stand in the details; null when there is nothing more to see. */
  target: DetailTarget | null;
  /** What the line is about, for the name of its link ("Gedeelde ambitie"). */
  subject: string;
}

/** A symbol per verdict, so a change is marked by more than colour (the words always go with it). */
export const VERDICT_MARK: Readonly<Record<ChangeVerdict, string>> = {
  higher: '▲',
  possiblyHigher: '△',
  similar: '=',
  possiblyLower: '▽',
  lower: '▼',
  tooFew: '·',
};

export const verdictWord = (verdict: ChangeVerdict, t: Translate): string => t(`summary.verdict.${verdict}`);

const waveLabel = (waves: readonly WaveColumn[], waveId: string) => waves.find((w) => w.waveId === waveId)?.label ?? NO_VALUE;

/** "+0,62 (waarschijnlijk tussen +0,20 en +1,04)", or "+0,62" without an interval. */
export function differenceText(change: Pick<ChangeSummary, 'meanDiff' | 'ciLow' | 'ciHigh'>, t: Translate, locale: Locale): string {
  const diff = formatSigned(change.meanDiff, locale);
  if (change.ciLow === null || change.ciHigh === null) return diff;
  return t('summary.differenceWithInterval', { diff, low: formatSigned(change.ciLow, locale), high: formatSigned(change.ciHigh, locale) });
}

/** A mean in one wave for a sentence: the number, or why there is none. */
function meanText(m: WaveMean, t: Translate, locale: Locale, minGroupSize: number, decimals = 2): string {
  if (m.mean !== null) return formatNumber(m.mean, locale, decimals);
  if (m.suppressed) return t('dashboard.suppressed', { min: minGroupSize });
  return m.n > 0 ? NO_VALUE : t('dashboard.noAnswers');
}

/** The line of one condition: its two means and its change in words, or its one mean with one wave. */
export function conditionLine(c: ConditionSummary, d: Dashboard, t: Translate, locale: Locale): SummaryLine {
  const name = pick(c.label, locale);
  const latestWave = waveLabel(d.waves, c.latest.waveId);
  const latest = meanText(c.latest, t, locale, d.minGroupSize);
  if (!c.change || !c.baseline) {
    return {
      key: c.scaleId,
      text: c.latest.mean !== null ? t('summary.conditionOne', { name, wave: latestWave, mean: latest, count: c.latest.n }) : t('summary.conditionOneMissing', { name, wave: latestWave, reason: latest }),
      verdict: null,
      target: { tab: 'conditions', id: detailIds.conditionMean(c.scaleId, c.latest.waveId) },
      subject: name,
    };
  }
  const baselineWave = waveLabel(d.waves, c.baseline.waveId);
  const baseline = meanText(c.baseline, t, locale, d.minGroupSize);
  const verdict = c.change.verdict;
  const text =
    verdict === 'tooFew'
      ? t('summary.conditionTooFew', { name, verdict: verdictWord(verdict, t), baselineWave, baseline, latestWave, latest })
      : t('summary.conditionChange', { name, verdict: verdictWord(verdict, t), baseline, latest, difference: differenceText(c.change, t, locale) });
  return { key: c.scaleId, text, verdict, target: { tab: 'conditions', id: detailIds.conditionChange(c.change.followUpWaveId, c.scaleId) }, subject: name };
}

/**
 * The opening sentence, the answer to "did it improve?": how many conditions are clearly or
 * possibly higher, about the same, possibly or clearly lower since the baseline. Null with one wave.
 */
export function overallLine(s: ResultsSummary, t: Translate): string | null {
  const changes = s.conditions.map((c) => c.change).filter((c): c is ChangeSummary => c !== null);
  if (changes.length === 0 || s.baselineWaveId === null || s.latestWaveId === null) return null;
  const order: ChangeVerdict[] = ['higher', 'possiblyHigher', 'similar', 'possiblyLower', 'lower', 'tooFew'];
  const parts = order
    .map((verdict) => ({ verdict, count: changes.filter((c) => c.verdict === verdict).length }))
    .filter((p) => p.count > 0)
    .map((p) => t(`summary.overallPart.${p.verdict}`, { count: p.count }));
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${t('summary.and')} ${parts.at(-1)}` : parts[0]!;
  return t('summary.overall', { count: changes.length, list });
}

/** Strongest and weakest condition, biggest rise and fall, and the rapportcijfer. */
export function highlightLines(s: ResultsSummary, d: Dashboard, t: Translate, locale: Locale): SummaryLine[] {
  const lines: SummaryLine[] = [];
  if (s.strongest && s.weakest) {
    for (const [key, r] of [
      ['strongest', s.strongest],
      ['weakest', s.weakest],
    ] as const) {
      const name = pick(r.label, locale);
      lines.push({
        key,
        text: t(`summary.${key}`, { name, mean: formatNumber(r.mean, locale), wave: waveLabel(d.waves, r.waveId) }),
        verdict: null,
        target: { tab: 'conditions', id: detailIds.conditionMean(r.scaleId, r.waveId) },
        subject: name,
      });
    }
  }
  const judged = s.conditions.some((c) => c.change && c.change.verdict !== 'tooFew');
  const baselineWave = s.baselineWaveId ? waveLabel(d.waves, s.baselineWaveId) : '';
  for (const [key, c] of [
    ['rise', s.biggestRise],
    ['fall', s.biggestFall],
  ] as const) {
    if (c) {
      const name = pick(c.label, locale);
      lines.push({
        key,
        text: t(`summary.${key}`, { name, baseline: baselineWave, difference: differenceText(c.change, t, locale), verdict: verdictWord(c.change.verdict, t) }),
        verdict: c.change.verdict,
        target: { tab: 'conditions', id: detailIds.conditionChange(c.change.followUpWaveId, c.scaleId) },
        subject: name,
      });
    } else if (judged) {
      lines.push({ key, text: t(`summary.${key}None`, { baseline: baselineWave }), verdict: null, target: null, subject: '' });
    }
  }
  const g = s.grade;
  if (g && g.perWave.some((m) => m.n > 0 || m.suppressed)) {
    const name = pick(g.label, locale);
    const perWave = g.perWave
      .map((m) =>
        m.mean !== null
          ? t('summary.gradeWave', { wave: waveLabel(d.waves, m.waveId), mean: formatNumber(m.mean, locale, 1), count: m.n })
          : t('summary.gradeWaveMissing', { wave: waveLabel(d.waves, m.waveId), reason: meanText(m, t, locale, d.minGroupSize) }),
      )
      .join('; ');
    const change = g.change && g.change.verdict !== 'tooFew' ? t('summary.gradeChange', { verdict: verdictWord(g.change.verdict, t), difference: differenceText(g.change, t, locale) }) : '';
    const latest = g.perWave.find((m) => m.waveId === s.latestWaveId) ?? g.perWave.at(-1)!;
    lines.push({
      key: 'grade',
      text: change ? `${t('summary.grade', { name, perWave })} ${change}` : t('summary.grade', { name, perWave }),
      verdict: g.change && g.change.verdict !== 'tooFew' ? g.change.verdict : null,
      target: { tab: 'conditions', id: detailIds.grade(latest.waveId) },
      subject: name,
    });
  }
  return lines;
}

/** Response per wave, and how many people answered both the baseline and the latest wave. */
export function responseLines(s: ResultsSummary, d: Dashboard, t: Translate, locale: Locale): SummaryLine[] {
  const perWave = s.response
    .map((r) =>
      r.invited !== null && r.invited > 0
        ? t('summary.responseWaveInvited', { wave: waveLabel(d.waves, r.waveId), complete: formatCount(r.complete, locale), invited: formatCount(r.invited, locale) })
        : t('summary.responseWave', { wave: waveLabel(d.waves, r.waveId), complete: formatCount(r.complete, locale) }),
    )
    .join('; ');
  const subject = t('dashboard.responses.title');
  const lines: SummaryLine[] = [{ key: 'response', text: t('summary.response', { perWave }), verdict: null, target: { tab: 'response', id: detailIds.responses }, subject }];
  if (s.linked && s.baselineWaveId) {
    lines.push({
      key: 'linked',
      text: t('summary.linked', { count: s.linked.count, baseline: waveLabel(d.waves, s.baselineWaveId), latest: waveLabel(d.waves, s.linked.followUpWaveId) }),
      verdict: null,
      target: { tab: 'response', id: detailIds.linking },
      subject: t('linkingSummary.title'),
    });
  }
  return lines;
}

// --- conversation points ------------------------------------------------------------------------------

export type PointKind = ConversationPoint['kind'];

/** The kinds in the order they are shown: what went well first. */
export const POINT_KINDS: readonly PointKind[] = ['success', 'fall', 'low', 'dontKnow'];

const usable = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The points of each kind, in order; a point whose numbers are not usable is left out. */
export function pointsByKind(d: Dashboard): Record<PointKind, ConversationPoint[]> {
  const out: Record<PointKind, ConversationPoint[]> = { success: [], fall: [], low: [], dontKnow: [] };
  for (const p of d.conversation) {
    const ok =
      p.kind === 'dontKnow'
        ? usable(p.count) && usable(p.seen) && p.seen > 0
        : p.kind === 'fall'
          ? usable(p.change.meanDiff)
          : usable(p.mean) && (p.kind === 'low' || p.reason === 'high' || (p.change !== null && usable(p.change.meanDiff)));
    if (ok) out[p.kind].push(p);
  }
  return out;
}

const rangeText = (range: ScoreRange, t: Translate) => t('dashboard.rangePlain', { min: range.min, max: range.max });

/** The numbers of a conversation point in one sentence: the mean, the change or the share "weet niet". */
export function pointFacts(p: ConversationPoint, d: Dashboard, t: Translate, locale: Locale): string {
  const wave = waveLabel(d.waves, p.waveId);
  if (p.kind === 'dontKnow') return t(`conversationPoints.dontKnowAnswers.${p.share}`, { count: p.count, seen: p.seen, wave });
  if (p.kind === 'low' || (p.kind === 'success' && p.reason === 'high')) {
    return t('dashboard.conversation.meanOnRange', { wave, value: formatNumber(p.mean, locale), range: rangeText(p.range, t) });
  }
  const change = p.change!;
  return t(p.kind === 'fall' ? 'conversationPoints.fell' : 'conversationPoints.rose', {
    baseline: waveLabel(d.waves, change.baselineWaveId),
    wave,
    difference: differenceText(change, t, locale),
    verdict: verdictWord(change.verdict, t),
    mean: formatNumber(p.mean, locale),
  });
}
