import { PARTNER_NETWORK_INSTRUMENT } from '../../../../shared/partner-network';
import type { ReportSlide } from '../../../../shared/report';
import type { ConversationPoint, Dashboard, ScaleSeries } from '../../../../shared/results';
import { positionOnRange, summarize } from '../../../../shared/results-summary';
import { formatDate } from '../../lib/format';
import { formatCount, formatNumber, pick } from '../dashboard/format';
import { differenceRows, waveLabelOf } from '../dashboard/model';
import type { Translate } from '../dashboard/notices';
import { conditionLine, differenceText, highlightLines, overallLine, pointFacts, pointsByKind, POINT_KINDS, responseLines, verdictWord } from '../dashboard/summary-text';
import type { BuiltPresentation, ReportData } from './report-inputs';
import { partnerNetworkSlide } from './report-partner-network';
import { ChartList, listText, waveWithDate, type PartContext, sourceOf } from './report-parts';
import { latestComparison } from './report-sections';

/**
 * The slides for the feedback meeting: a title slide; per instrument a section slide, the summary,
 * a slide per condition with its chart and two to four key messages, the conversation points as
 * questions to the room; a closing slide. Speaker notes hold the numbers behind each slide. The
 * key messages are the results screen's own sentences (summary-text.ts).
 */

/** At most this many key messages on a summary slide. */
const SUMMARY_BULLETS = 6;

/** The statements of a condition with their mean in a wave, highest first (on their own range). */
function statementsRanked(d: Dashboard, s: ScaleSeries, waveId: string) {
  return d.items
    .filter((it) => it.scaleId === s.scaleId && it.type === 'scale' && it.range)
    .flatMap((it) => {
      const st = it.perWave.find((p) => p.waveId === waveId)?.stats;
      return st && !st.suppressed && st.mean !== null ? [{ it, mean: st.mean, position: positionOnRange(st.mean, it.range!) }] : [];
    })
    .sort((a, b) => b.position - a.position);
}

function conditionSlide(ctx: PartContext, s: ScaleSeries, summaryLine: string): ReportSlide {
  const { d, t, locale } = ctx;
  const name = pick(s.label, locale);
  const c = latestComparison(d);
  const latestWave = summarize(d).latestWaveId ?? d.waves.at(-1)?.waveId ?? '';
  const bullets = [summaryLine];
  const ranked = statementsRanked(d, s, latestWave);
  const wave = waveLabelOf(d.waves, latestWave);
  if (ranked.length >= 2 && ranked[0]!.position > ranked.at(-1)!.position) {
    bullets.push(t('reportText.slides.strongestStatement', { wave, name: pick(ranked[0]!.it.label, locale), mean: formatNumber(ranked[0]!.mean, locale) }));
    bullets.push(t('reportText.slides.weakestStatement', { wave, name: pick(ranked.at(-1)!.it.label, locale), mean: formatNumber(ranked.at(-1)!.mean, locale) }));
  }
  const chart = c
    ? ctx.charts.ask(sourceOf(ctx), { kind: 'statementChange', followUpWaveId: c.followUpWaveId, scaleId: s.scaleId })
    : ctx.charts.ask(sourceOf(ctx), { kind: 'distribution', scaleId: s.scaleId });
  const alt = c
    ? t('reportText.statementChangeAlt', { name, followUp: waveLabelOf(d.waves, c.followUpWaveId), baseline: waveLabelOf(d.waves, c.baselineWaveId) })
    : t('reportText.distributionAlt', { name });
  const notes = [
    ...d.waves.map((w) => {
      const st = s.perWave.find((p) => p.waveId === w.waveId)?.stats;
      return st && !st.suppressed && st.mean !== null
        ? t('reportText.slides.noteMean', { wave: w.label, mean: formatNumber(st.mean, locale), count: st.n })
        : t('reportText.slides.noteMeanMissing', { wave: w.label, reason: st?.suppressed ? t('dashboard.suppressed', { min: d.minGroupSize }) : t('dashboard.noAnswers') });
    }),
    ...d.comparisons.flatMap((cmp) => {
      const r = differenceRows(d, cmp, 'scale', locale).find((x) => x.id === s.scaleId);
      if (!r || r.diff === null) return [];
      return [
        t('reportText.slides.noteChange', {
          followUp: waveLabelOf(d.waves, cmp.followUpWaveId),
          baseline: waveLabelOf(d.waves, cmp.baselineWaveId),
          diff: differenceText({ meanDiff: r.diff, ciLow: r.ciLow, ciHigh: r.ciHigh }, t, locale),
          verdict: verdictWord(r.verdict, t),
          nBaseline: formatCount(r.nBaseline, locale),
          nFollowUp: formatCount(r.nFollowUp, locale),
          pairs: formatCount(r.nPairs, locale),
        }),
      ];
    }),
    ...ranked.map((x) => `${pick(x.it.label, locale)}: ${formatNumber(x.mean, locale)} (${wave})`),
  ];
  return { layout: 'chart', title: name, imageId: chart, alt, bullets: bullets.slice(0, 4), notes: notes.join('\n') };
}

function discussionSlide(ctx: PartContext, p: ConversationPoint): ReportSlide {
  const { d, t, locale } = ctx;
  const condition = p.scaleId ? pick(d.scales.find((s) => s.scaleId === p.scaleId)?.label, locale) : '';
  const facts = pointFacts(p, d, t, locale);
  return {
    layout: 'discussion',
    title: `${t(`conversationPoints.${p.kind}`)}: ${pick(p.label, locale)}`,
    subtitle: t(`reportText.slides.question.${p.kind}`),
    bullets: [facts, ...(condition ? [t('reportText.slides.condition', { name: condition })] : []), pick(p.prompt, locale)].filter(Boolean),
    notes: [facts, pick(p.prompt, locale)].filter(Boolean).join('\n'),
  };
}

export function buildPresentation(data: ReportData, t: Translate): BuiltPresentation {
  const { locale } = data.choices;
  const network = data.network.network.name;
  const charts = new ChartList();
  const waves = data.dashboards[0]?.waves ?? [];
  const waveText = listText(waves.map((w) => waveWithDate(w, t, locale)), t);
  const today = formatDate(data.today, locale);
  const slides: ReportSlide[] = [
    {
      layout: 'title',
      title: t('reportText.title', { network }),
      subtitle: t('reportText.slides.titleSubtitle', { waves: waveText, date: today }),
      notes: t('reportText.slides.titleNotes', { instruments: listText(data.dashboards.map((d) => pick(d.instrumentName, locale)), t), waves: waveText }),
    },
  ];
  for (const d of data.dashboards) {
    const ctx: PartContext = { d, t, locale, charts, organisationId: null };
    const name = pick(d.instrumentName, locale);
    // The partner network is a map on the results screen, never a dashboard: one slide with the latest map.
    if (d.instrumentId === PARTNER_NETWORK_INSTRUMENT && data.partnerNetwork) {
      const slide = partnerNetworkSlide(ctx, data.partnerNetwork, data.choices.waveIds);
      if (slide) slides.push(slide);
      continue;
    }
    slides.push({ layout: 'section', title: name, subtitle: waves.map((w) => w.label).join(' · ') });
    const s = summarize(d);
    const conditionLines = s.conditions.map((c) => conditionLine(c, d, t, locale).text);
    const highlights = highlightLines(s, d, t, locale).map((l) => l.text);
    const response = responseLines(s, d, t, locale).map((l) => l.text);
    const overall = overallLine(s, t);
    const key = [...(overall ? [overall] : []), ...highlights, ...response].slice(0, SUMMARY_BULLETS);
    slides.push({
      layout: 'bullets',
      title: t('reportText.slides.summaryTitle', { instrument: name }),
      bullets: key.length ? key : [t('dashboard.conversation.none')],
      notes: [...conditionLines, ...highlights, ...response].join('\n'),
    });
    d.scales.forEach((scale, i) => slides.push(conditionSlide(ctx, scale, conditionLines[i] ?? '')));
    const byKind = pointsByKind(d);
    for (const kind of POINT_KINDS) for (const p of byKind[kind]) slides.push(discussionSlide(ctx, p));
  }
  slides.push({ layout: 'discussion', title: t('reportText.slides.closingTitle'), subtitle: t('reportText.slides.closingSubtitle'), bullets: [t('reportText.slides.closing1'), t('reportText.slides.closing2'), t('reportText.slides.closing3')] });
  return {
    presentation: { language: locale, title: t('reportText.title', { network }), subtitle: waveText, footer: t('reportText.footer', { network, date: today }), slides },
    charts: charts.requests,
  };
}
