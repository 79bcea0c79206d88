import type { PartnerNetwork, PartnerNetworkWave } from '../../../../shared/partner-network';
import type { ReportBlock, ReportSlide } from '../../../../shared/report';
import { formatCount, formatNumber } from '../dashboard/format';
import { metricChange, metricValue, rated } from '../partner-network/partner-network-format';
import { chartBlock, heading, left, paragraph, right, sourceOf, table, type PartContext } from './report-parts';

/**
 * "Samenwerking tussen de partners": the partner network of the results screen
 * (PartnerNetworkSection) in the report, from the same getPartnerNetwork result. Per chosen wave
 * the map (drawn by the screen's NetworkMap), the network's metrics with their change against the
 * baseline, and the organisations' degree centrality and the trust and value others give them.
 * Only shown ties are in the result at all, so nothing here can name a tie fewer than k reported;
 * of those, only their number is said, as on the screen.
 */

/** The waves of the partner network that are among the report's chosen waves, in measurement order. */
export const reportedWaves = (network: PartnerNetwork, waveIds: readonly string[]): PartnerNetworkWave[] => network.waves.filter((w) => waveIds.includes(w.waveId));

function metricsTable(ctx: PartContext, network: PartnerNetwork, wave: PartnerNetworkWave): ReportBlock {
  const { t, locale } = ctx;
  const k = network.minGroupSize;
  const baseline = network.waves[0]!;
  const change = network.changes.find((c) => c.waveId === wave.waveId);
  const changeOf = (metric: 'ties' | 'density' | 'reciprocity') => change?.metrics.find((m) => m.metric === metric);
  const row = (label: string, value: string, metric?: 'ties' | 'density' | 'reciprocity') => {
    const m = metric ? changeOf(metric) : undefined;
    return change ? [label, value, m ? metricValue(m.metric, m.baseline, locale) : '', m ? metricChange(m, locale) : ''] : [label, value];
  };
  const columns = change
    ? [left(t('partnerNetwork.metric')), right(wave.waveLabel), right(baseline.waveLabel), right(t('partnerNetwork.change'))]
    : [left(t('partnerNetwork.metric')), right(wave.waveLabel)];
  return table(
    t('reportNetwork.metricsCaption', { wave: wave.waveLabel }),
    columns,
    [
      row(t('partnerNetwork.respondents'), formatCount(wave.respondents, locale)),
      row(t('reportNetwork.tiesShown'), metricValue('ties', wave.ties.length, locale), 'ties'),
      row(t('reportNetwork.tiesLeftOut', { k }), formatCount(wave.tiesSuppressed, locale)),
      row(t('partnerNetwork.density'), metricValue('density', wave.density, locale), 'density'),
      row(t('partnerNetwork.reciprocity'), metricValue('reciprocity', wave.reciprocity, locale), 'reciprocity'),
    ],
    change ? t('reportNetwork.metricsNote') : undefined,
  );
}

/** The screen's table of organisations, as two tables that fit an A4 page: the ties and degree centrality, then trust and value as others rate them. */
function organisationsTables(ctx: PartContext, wave: PartnerNetworkWave): ReportBlock[] {
  const { t, locale } = ctx;
  const organisation = left(t('partnerNetwork.organisation'));
  return [
    table(
      t('reportNetwork.degreeCaption', { wave: wave.waveLabel }),
      [
        organisation,
        right(t('partnerNetwork.outDegree')),
        right(t('partnerNetwork.inDegree')),
        right(t('partnerNetwork.outCentrality')),
        right(t('partnerNetwork.inCentrality')),
        right(t('partnerNetwork.degreeCentrality')),
      ],
      wave.nodes.map((n) => [
        n.name,
        formatCount(n.outDegree, locale),
        formatCount(n.inDegree, locale),
        formatNumber(n.outCentrality, locale),
        formatNumber(n.inCentrality, locale),
        formatNumber(n.degreeCentrality, locale),
      ]),
      t('reportNetwork.degreeNote'),
    ),
    table(
      t('reportNetwork.ratedCaption', { wave: wave.waveLabel }),
      [organisation, right(t('partnerNetwork.trust')), right(t('partnerNetwork.value'))],
      wave.nodes.map((n) => [n.name, rated(n.trust, locale), rated(n.value, locale)]),
      t('reportNetwork.ratedNote', { k: ctx.d.minGroupSize }),
    ),
  ];
}

/** The section about the partner network over the report's chosen waves; `ctx.d` is the partner network instrument's dashboard. */
export function partnerNetworkBlocks(ctx: PartContext, network: PartnerNetwork, waveIds: readonly string[]): ReportBlock[] {
  const { t } = ctx;
  const k = network.minGroupSize;
  const waves = reportedWaves(network, waveIds);
  const blocks: ReportBlock[] = [heading(1, t('reportNetwork.title')), paragraph(t('partnerNetwork.intro', { k }), 'lead')];
  if (waves.length === 0) return [...blocks, paragraph(t('reportNetwork.noWaves'))];
  blocks.push(paragraph(t('reportNetwork.suppressionRule', { k }), 'note'));
  for (const wave of waves) {
    blocks.push(heading(2, t('reportNetwork.waveTitle', { wave: wave.waveLabel })));
    blocks.push(chartBlock(ctx, { kind: 'partnerMap', waveId: wave.waveId }, t('reportNetwork.mapCaption', { wave: wave.waveLabel }), t('partnerNetwork.mapLabel', { wave: wave.waveLabel })));
    blocks.push(paragraph(t('partnerNetwork.legend'), 'note'));
    if (wave.tiesSuppressed > 0) blocks.push(paragraph(t('partnerNetwork.suppressed', { count: wave.tiesSuppressed, k })));
    if (wave.ties.length === 0) blocks.push(paragraph(t('partnerNetwork.noTies')));
    blocks.push(metricsTable(ctx, network, wave), ...organisationsTables(ctx, wave));
  }
  return blocks;
}

/** The presentation's slide: the latest chosen wave's map with the key metrics, and their change against the baseline; null without a chosen wave. */
export function partnerNetworkSlide(ctx: PartContext, network: PartnerNetwork, waveIds: readonly string[]): ReportSlide | null {
  const { t, locale } = ctx;
  const wave = reportedWaves(network, waveIds).at(-1);
  if (!wave) return null;
  const k = network.minGroupSize;
  const baseline = network.waves[0]!;
  const change = network.changes.find((c) => c.waveId === wave.waveId);
  const line = (metric: 'ties' | 'density' | 'reciprocity', label: string, value: number | null) => {
    const m = change?.metrics.find((x) => x.metric === metric);
    const now = metricValue(metric, value, locale);
    return m ? t('reportNetwork.slideMetricChange', { metric: label, value: now, baseline: baseline.waveLabel, before: metricValue(metric, m.baseline, locale), change: metricChange(m, locale) }) : `${label}: ${now}`;
  };
  const bullets = [
    line('ties', t('reportNetwork.tiesShown'), wave.ties.length),
    line('density', t('partnerNetwork.density'), wave.density),
    line('reciprocity', t('partnerNetwork.reciprocity'), wave.reciprocity),
    ...(wave.tiesSuppressed > 0 ? [t('partnerNetwork.suppressed', { count: wave.tiesSuppressed, k })] : []),
  ];
  return {
    layout: 'chart',
    title: t('reportNetwork.slideTitle', { wave: wave.waveLabel }),
    imageId: ctx.charts.ask(sourceOf(ctx), { kind: 'partnerMap', waveId: wave.waveId }),
    alt: t('partnerNetwork.mapLabel', { wave: wave.waveLabel }),
    bullets,
    notes: [...bullets, t('reportNetwork.suppressionRule', { k })].join('\n'),
  };
}
