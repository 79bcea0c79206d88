import type { Organisation } from '../../../../shared/domain';
import { PARTNER_NETWORK_INSTRUMENT } from '../../../../shared/partner-network';
import type { ReportBlock } from '../../../../shared/report';
import type { Dashboard } from '../../../../shared/results';
import { PRACTICAL_SHARE, gradeItem, summarize } from '../../../../shared/results-summary';
import { formatDate } from '../../lib/format';
import { formatCount, formatNumber, NO_VALUE, pick } from '../dashboard/format';
import { meanCell, waveLabelOf } from '../dashboard/model';
import type { Translate } from '../dashboard/notices';
import type { BuiltDocument, ReportData } from './report-inputs';
import { bullets, cellTexts, chartBlock, ChartList, heading, left, listText, paragraph, right, splitTable, table, waveWithDate, type PartContext } from './report-parts';
import { partnerNetworkBlocks } from './report-partner-network';
import { instrumentBlocks, otherQuestionsBlocks, summaryBlocks } from './report-sections';

/**
 * The network report and the report per partner organisation as a ReportDocument: what they say,
 * in order (title page; per instrument the summary, the conditions, overview, rapportcijfer,
 * response, for whom, open answers; the methods once at the end). Pure: a function of the data the
 * report screen gathered and a translate function.
 */

const instrumentName = (d: Dashboard, data: ReportData) => pick(d.instrumentName, data.choices.locale);

/** The title page's texts. */
function titlePage(data: ReportData, t: Translate) {
  const { locale } = data.choices;
  const network = data.network.network.name;
  const first = data.dashboards[0];
  const waves = first?.waves ?? [];
  const instruments = listText(
    data.dashboards.map((d) => instrumentName(d, data)),
    t,
  );
  const today = formatDate(data.today, locale);
  const titleLines = [
    t('reportText.titleNetwork', { network }),
    ...waves.map((w) => {
      const complete = first?.counts.find((c) => c.waveId === w.waveId)?.complete ?? 0;
      return t('reportText.titleWave', { wave: waveWithDate(w, t, locale), count: complete });
    }),
    t('reportText.titleDate', { date: today }),
    t('reportText.titleVersion', { version: data.appVersion }),
  ];
  return {
    title: t('reportText.title', { network }),
    subtitle: t('reportText.subtitle', { instruments, waves: listText(waves.map((w) => waveWithDate(w, t, locale)), t) }),
    titleLines,
    footer: t('reportText.footer', { network, date: today }),
  };
}

/** The parts per instrument, a heading 1 each when there are several. */
function networkParts(data: ReportData, t: Translate, charts: ChartList): ReportBlock[] {
  const { locale, breakdowns, withOpenAnswers } = data.choices;
  const several = data.dashboards.length > 1;
  const blocks: ReportBlock[] = [];
  for (const d of data.dashboards) {
    const ctx: PartContext = { d, t, locale, charts, organisationId: null };
    // The results screen shows the partner network instrument as the network map, never as a dashboard.
    if (d.instrumentId === PARTNER_NETWORK_INSTRUMENT && data.partnerNetwork) {
      blocks.push(...partnerNetworkBlocks(ctx, data.partnerNetwork, data.choices.waveIds));
      continue;
    }
    if (several) blocks.push(heading(1, instrumentName(d, data)));
    blocks.push(
      ...instrumentBlocks(ctx, {
        breakdowns: breakdowns.map((b) => ({ breakdown: b, dashboard: data.breakdowns.find((x) => x.instrumentId === d.instrumentId && x.breakdown === b)?.dashboard })),
        openAnswers: withOpenAnswers ? data.openAnswers : null,
      }),
    );
  }
  return blocks;
}

// --- methods --------------------------------------------------------------------------------------

function methodsBlocks(data: ReportData, t: Translate): ReportBlock[] {
  const { locale } = data.choices;
  const { network, organisations } = data.network;
  const first = data.dashboards[0];
  const k = network.minGroupSize;
  const blocks: ReportBlock[] = [heading(1, t('reportText.methods.title'))];

  blocks.push(heading(2, t('reportText.methods.whoTitle')));
  const taking = organisations.filter((o) => !o.archived);
  blocks.push(paragraph(t('reportText.methods.who', { network: network.name, count: taking.length })));
  if (organisations.length) {
    blocks.push(
      table(
        t('reportText.methods.organisationsCaption'),
        [left(t('reportText.organisation')), left(t('reportText.methods.sector')), left(t('reportText.methods.size'))],
        organisations.map((o) => [
          o.archived || o.leftOn ? t('reportText.methods.organisationLeft', { name: o.name }) : o.name,
          t(`sector.${o.sector}`),
          t(`sizeClass.${o.sizeClass ?? 'unknown'}`),
        ]),
      ),
    );
  }
  if (first) {
    blocks.push(
      table(
        t('reportText.methods.wavesCaption'),
        [left(t('dashboard.wave')), left(t('reportText.methods.kind')), left(t('reportText.methods.date')), right(t('dashboard.responses.started')), right(t('dashboard.responses.complete'))],
        first.waves.map((w) => {
          const c = first.counts.find((x) => x.waveId === w.waveId);
          return [w.label, t(`waveKind.${w.kind}`), w.plannedDate ? formatDate(w.plannedDate, locale) : NO_VALUE, formatCount(c?.started ?? 0, locale), formatCount(c?.complete ?? 0, locale)];
        }),
        t('reportText.methods.wavesNote'),
      ),
    );
    blocks.push(paragraph(t('reportText.methods.instruments', { instruments: listText(data.dashboards.map((d) => instrumentName(d, data)), t) })));
  }

  blocks.push(heading(2, t('reportText.methods.linkTitle')));
  blocks.push(paragraph(t(`reportText.methods.codePolicy.${network.codePolicy}`)));
  if (first && first.comparisons.length) {
    const baseline = waveLabelOf(first.waves, first.comparisons[0]!.baselineWaveId);
    blocks.push(
      ...bullets(
        first.comparisons.map((c) =>
          t('reportText.methods.pairs', {
            baseline,
            followUp: waveLabelOf(first.waves, c.followUpWaveId),
            count: c.linking.matched + c.linking.tolerant,
            tolerant: c.linking.tolerant,
            rejected: c.linking.rejected,
            proposals: c.linking.proposals,
          }),
        ),
      ),
    );
    if (network.codePolicy === 'self') blocks.push(paragraph(t('reportText.methods.linkDecisions'), 'note'));
  } else {
    blocks.push(paragraph(t('reportText.methods.noComparison')));
  }

  blocks.push(heading(2, t('reportText.methods.comparisonTitle')));
  blocks.push(paragraph(t('reportText.methods.comparisonAll')));
  blocks.push(paragraph(t('reportText.methods.comparisonPaired')));
  blocks.push(paragraph(t('reportText.methods.interval')));

  blocks.push(heading(2, t('reportText.methods.wordingTitle')));
  blocks.push(paragraph(t('reportText.methods.wording', { example: formatNumber(PRACTICAL_SHARE * 4, locale), example7: formatNumber(PRACTICAL_SHARE * 6, locale) })));
  blocks.push(
    ...bullets((['higher', 'lower', 'possiblyHigher', 'possiblyLower', 'similar', 'tooFew'] as const).map((v) => t(`reportText.methods.verdictRule.${v}`, { word: t(`summary.verdict.${v}`) }))),
  );

  blocks.push(heading(2, t('reportText.methods.suppressionTitle')));
  blocks.push(paragraph(t('reportText.methods.suppression', { min: k })));
  blocks.push(paragraph(t('reportText.methods.complementary')));
  blocks.push(paragraph(t('reportText.methods.marks', { dash: NO_VALUE, suppressed: t('dashboard.suppressed', { min: k }) })));
  return blocks;
}

// --- the reports --------------------------------------------------------------------------------------

export function buildNetworkDocument(data: ReportData, t: Translate): BuiltDocument {
  const charts = new ChartList();
  const blocks = [...networkParts(data, t, charts), ...methodsBlocks(data, t)];
  return { document: { language: data.choices.locale, ...titlePage(data, t), blocks }, charts: charts.requests };
}

/** The waves of an organisation's dashboard whose numbers are withheld (below the minimum, or derivable from the network's). */
export function withheldWaves(own: Dashboard): Map<string, 'belowMinimum' | 'derivable'> {
  const out = new Map<string, 'belowMinimum' | 'derivable'>();
  for (const n of own.notices) {
    if (typeof n.params.waveId !== 'string') continue;
    if (n.code === 'organisation-below-minimum') out.set(n.params.waveId, 'belowMinimum');
    else if (n.code === 'organisation-derivable' && !out.has(n.params.waveId)) out.set(n.params.waveId, 'derivable');
  }
  // Without a notice, a wave in which no scale and no item has a shown number tells the same.
  for (const w of own.waves) {
    if (out.has(w.waveId)) continue;
    const shown = (perWave: { waveId: string; stats: { suppressed: boolean; mean: number | null; distribution?: unknown } }[]) =>
      perWave.some((p) => p.waveId === w.waveId && !p.stats.suppressed && (p.stats.mean !== null || (p.stats.distribution ?? null) !== null));
    if (!own.scales.some((s) => shown(s.perWave)) && !own.items.some((it) => shown(it.perWave))) out.set(w.waveId, 'belowMinimum');
  }
  return out;
}

/** The organisation's own results of one instrument: its summary, its conditions beside the network's, its rapportcijfer; a note for each wave below the minimum. */
function ownBlocks(data: ReportData, organisation: Organisation, own: Dashboard, network: Dashboard, t: Translate, charts: ChartList): ReportBlock[] {
  const { locale } = data.choices;
  const k = network.minGroupSize;
  const withheld = withheldWaves(own);
  const blocks: ReportBlock[] = [];
  for (const w of own.waves) {
    const why = withheld.get(w.waveId);
    if (why) blocks.push(paragraph(t(`reportText.partner.${why}`, { wave: w.label, min: k, organisation: organisation.name }), 'lead'));
  }
  if (withheld.size === own.waves.length) return blocks;
  const ctx: PartContext = { d: own, t, locale, charts, organisationId: organisation.id };
  const summary = summarize(own);
  if (own.scales.length === 0 && !summary.grade) return [...blocks, paragraph(t('reportText.noScales')), ...otherQuestionsBlocks(ctx)];
  // The summary without the response counts: those are in the network's part, never per organisation below the minimum.
  blocks.push(...summaryBlocks(ctx, summary, false, data.dashboards.length > 1 ? 3 : 2));
  const texts = cellTexts(ctx);
  const shownWaves = own.waves.filter((w) => !withheld.has(w.waveId));
  if (own.scales.length) {
    blocks.push(heading(3, t('reportText.partner.conditionsTitle', { organisation: organisation.name })));
    blocks.push(chartBlock(ctx, { kind: 'radar' }, t('reportText.partner.radarCaption', { organisation: organisation.name }), t('reportText.radarAlt', { waves: shownWaves.map((w) => w.label).join(', ') })));
    blocks.push(
      ...splitTable({
        t,
        caption: t('reportText.partner.conditionsCaption', { organisation: organisation.name }),
        lead: [left(t('dashboard.scale'))],
        groups: shownWaves,
        groupColumns: (w) => [right(t('reportText.partner.ownIn', { organisation: organisation.name, wave: w.label })), right(t('reportText.partner.networkIn', { wave: w.label }))],
        rows: own.scales.map((s) => [pick(s.label, locale)]),
        cells: (i, w) => {
          const s = own.scales[i]!;
          const mine = s.perWave.find((p) => p.waveId === w.waveId)?.stats;
          const all = network.scales.find((x) => x.scaleId === s.scaleId)?.perWave.find((p) => p.waveId === w.waveId)?.stats;
          return [meanCell(mine, locale, texts), meanCell(all, locale, cellTexts({ t, d: network }))];
        },
        note: t('reportText.partner.conditionsNote', { min: k }),
      }),
    );
  }
  const item = gradeItem(own);
  if (item) {
    const name = pick(item.label, locale);
    const rows = shownWaves.map((w) => {
      const st = item.perWave.find((p) => p.waveId === w.waveId)?.stats;
      const shown = !!st && !st.suppressed && st.mean !== null;
      return [w.label, shown ? formatCount(st.n, locale) : NO_VALUE, shown ? formatNumber(st.mean, locale, 1) : meanCell(st, locale, texts)];
    });
    blocks.push(heading(3, name), table(t('reportText.partner.gradeCaption', { organisation: organisation.name, name }), [left(t('dashboard.wave')), right(t('dashboard.n')), right(t('dashboard.mean'))], rows));
  }
  return blocks;
}

export function buildPartnerDocument(data: ReportData, organisation: Organisation, own: Dashboard[], t: Translate): BuiltDocument {
  const charts = new ChartList();
  const several = data.dashboards.length > 1;
  const part: ReportBlock[] = [heading(1, organisation.name), paragraph(t('reportText.partner.intro', { organisation: organisation.name, network: data.network.network.name, min: data.network.network.minGroupSize }))];
  for (const d of data.dashboards) {
    // The partner network has no results per organisation: its map is in the network's part below.
    if (d.instrumentId === PARTNER_NETWORK_INSTRUMENT && data.partnerNetwork) continue;
    const mine = own.find((o) => o.instrumentId === d.instrumentId);
    if (several) part.push(heading(2, instrumentName(d, data)));
    if (!mine) {
      part.push(paragraph(t('reportText.partner.missing', { organisation: organisation.name })));
      continue;
    }
    part.push(...ownBlocks(data, organisation, mine, d, t, charts));
  }
  const title = titlePage(data, t);
  const blocks = [...part, { type: 'pageBreak' } as const, ...networkParts(data, t, charts), ...methodsBlocks(data, t)];
  return {
    document: {
      language: data.choices.locale,
      ...title,
      title: t('reportText.partner.title', { network: data.network.network.name, organisation: organisation.name }),
      footer: t('reportText.partner.footer', { footer: title.footer, organisation: organisation.name }),
      blocks,
    },
    charts: charts.requests,
  };
}

