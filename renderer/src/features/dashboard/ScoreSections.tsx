import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  LabelList,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  XAxis,
  YAxis,
} from 'recharts';
import type { Dashboard, ScaleSeries } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { numeric } from '../../components/DataTable';
import { ChartFigure, ChartLegend, markerDot, MeanCell, NoChart, PatternDefs, ResultTable, Section } from './ChartParts';
import { formatCount, formatInterval, formatNumber, formatPercent, NO_VALUE, pick } from './format';
import { DistributionFigure } from './ItemSections';
import {
  alphaRows,
  distributionRows,
  meanCell,
  omittedPoints,
  radarRows,
  rangeTicks,
  responseRows,
  scoreChartGroups,
  showsShares,
  trendDomain,
  trendSeries,
  waveKey,
  wavesWithPoints,
  type CellTexts,
  type ScoreChartGroup,
} from './model';
import { seriesStyle } from './palette';
import { detailIds } from './summary-text';
import { RADAR_LABEL_GAP, RadarTick } from './RadarTick';

const AXIS = { fill: '#33404f', fontSize: 13 };
/** Room around the outer ring for the axis names: three lines above and below, 18 characters beside. */
const RADAR_RADIUS = 150;
const RADAR_HEIGHT = 2 * (RADAR_RADIUS + RADAR_LABEL_GAP + 3 * 15 + 8);

/** Columns of a table with a row per scale and a column per wave. */
const scaleByWaveColumns = (d: Dashboard, first: string) => [first, ...d.waves.map((w) => numeric(w.label, { key: w.waveId }))];

// --- 1. Response overview ------------------------------------------------------------------------

/** The response per wave as bars (or the sentence that there is none): the figure of ResponseSection, also drawn for reports. */
export function ResponseFigure({ d, locale }: { d: Dashboard; locale: Locale }) {
  const { t } = useTranslation();
  const rows = responseRows(d);
  const series = [
    ...(rows.some((r) => r.invited !== null) ? [{ key: 'invited', label: t('dashboard.responses.invited') }] : []),
    { key: 'started', label: t('dashboard.responses.started') },
    { key: 'complete', label: t('dashboard.responses.complete') },
  ];
  const anyResponses = rows.some((r) => r.started > 0 || (r.invited ?? 0) > 0);
  const chartLabel = t('dashboard.responses.chartLabel', {
    summary: rows.map((r) => t('dashboard.responses.summary', { wave: r.label, started: r.started, complete: r.complete })).join('; '),
  });
  if (!anyResponses) return <NoChart text={t('dashboard.responses.none')} testId="no-chart-responses" />;
  return (
    <ChartFigure
      label={chartLabel}
      testId="chart-responses"
      legend={<ChartLegend items={series.map((s, i) => ({ key: s.key, label: s.label, colour: seriesStyle(i).colour, pattern: seriesStyle(i).pattern }))} />}
    >
      <BarChart width={720} height={260} data={rows} margin={{ top: 24, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <PatternDefs prefix="resp" count={series.length} />
        <CartesianGrid vertical={false} stroke="#d5dbe3" />
        <XAxis dataKey="label" tick={AXIS} />
        <YAxis allowDecimals={false} tick={AXIS} width={40} />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} fill={`url(#resp-${i})`} stroke={seriesStyle(i).colour} strokeWidth={1.5} isAnimationActive={false} maxBarSize={48}>
            <LabelList dataKey={s.key} position="top" fill="#1d2733" formatter={(v: unknown) => (typeof v === 'number' ? formatCount(v, locale) : '')} />
          </Bar>
        ))}
      </BarChart>
    </ChartFigure>
  );
}

export function ResponseSection({ d, locale }: { d: Dashboard; locale: Locale }) {
  const { t } = useTranslation();
  const rows = responseRows(d);
  return (
    <Section id="dash-responses" title={t('dashboard.responses.title')} testId="section-responses">
      <ResponseFigure d={d} locale={locale} />
      <ResultTable
        caption={t('dashboard.responses.caption')}
        testId="response-table"
        columns={[t('dashboard.wave'), ...(['invited', 'started', 'complete', 'rate'] as const).map((k) => numeric(t(`dashboard.responses.${k}`)))]}
      >
        <tbody>
          {rows.map((r) => (
            <tr key={r.waveId}>
              <th scope="row">{r.label}</th>
              <td className="numeric" data-testid={`count-invited-${r.waveId}`}>
                {r.invited === null ? t('dashboard.responses.unknown') : formatCount(r.invited, locale)}
              </td>
              <td className="numeric" data-testid={`count-started-${r.waveId}`}>
                {formatCount(r.started, locale)}
              </td>
              <td className="numeric" data-testid={`count-complete-${r.waveId}`}>
                {formatCount(r.complete, locale)}
              </td>
              <td className="numeric">{formatPercent(r.completeShare, locale)}</td>
            </tr>
          ))}
        </tbody>
      </ResultTable>
    </Section>
  );
}

// --- 2. Radar ------------------------------------------------------------------------------------------

/** A radar polygon through the points that exist: a missing point breaks the outline instead of pulling it to the centre. */
function GappedPolygon(props: { points?: { x: number; y: number; value?: unknown }[]; stroke?: string; fill?: string; strokeDasharray?: string }) {
  const points = props.points ?? [];
  const ok = (p: { value?: unknown }) => typeof p.value === 'number' && Number.isFinite(p.value);
  if (points.length === 0) return null;
  if (points.every(ok)) {
    return (
      <polygon
        points={points.map((p) => `${p.x},${p.y}`).join(' ')}
        fill={props.fill}
        fillOpacity={0.08}
        stroke={props.stroke}
        strokeWidth={2.5}
        strokeDasharray={props.strokeDasharray}
      />
    );
  }
  // Open segments between consecutive existing points (wrapping around).
  const segments: string[] = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    if (ok(a) && ok(b)) segments.push(`M${a.x},${a.y}L${b.x},${b.y}`);
  }
  return <path d={segments.join('')} fill="none" stroke={props.stroke} strokeWidth={2.5} strokeDasharray={props.strokeDasharray} />;
}

export function RadarSection({ d, locale, texts }: { d: Dashboard; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const groups = scoreChartGroups(d);
  const shareScales = d.scales.filter(showsShares);
  return (
    <Section id="dash-radar" title={t('dashboard.radar.title')} intro={<p>{t('dashboard.radar.intro')}</p>} testId="section-radar">
      {groups.map((g) => (
        <ScoreChart key={g.key} d={d} group={g} heading={groups.length + shareScales.length > 1} locale={locale} texts={texts} />
      ))}
      {shareScales.map((s) => (
        <SharesBlock key={s.scaleId} d={d} scale={s} locale={locale} texts={texts} />
      ))}
    </Section>
  );
}

/** The chart of the scales on one range: a radar (three or more scales) or bars; the figure of ScoreChart, also drawn for reports. */
export function ScoreFigure({ d, group, locale }: { d: Dashboard; group: ScoreChartGroup; locale: Locale }) {
  const { t } = useTranslation();
  const { key, range, scales } = group;
  const data = radarRows(d, scales, locale);
  const drawn = wavesWithPoints(d, scales);
  const domain: [number, number] = [range.min, range.max];
  const ticks = rangeTicks(domain);
  const waves = drawn.map((i) => d.waves[i]!.label).join(', ');
  const legend = (
    <ChartLegend
      items={drawn.map((i) => {
        const s = seriesStyle(i);
        return { key: d.waves[i]!.waveId, label: d.waves[i]!.label, colour: s.colour, dash: group.kind === 'radar' ? s.dash : undefined, marker: group.kind === 'radar' ? s.marker : undefined, pattern: group.kind === 'bars' ? s.pattern : undefined };
      })}
    />
  );
  return drawn.length === 0 ? (
    <NoChart text={t('dashboard.noValues')} testId={`no-chart-radar-${key}`} />
  ) : group.kind === 'radar' ? (
    <ChartFigure label={t('dashboard.radar.chartLabel', { ...range, waves })} testId={`chart-radar-${key}`} legend={legend}>
      <RadarChart width={720} height={RADAR_HEIGHT} data={data} outerRadius={RADAR_RADIUS} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <PolarGrid stroke="#c9d1db" />
        <PolarAngleAxis dataKey="label" tick={RadarTick} tickSize={RADAR_LABEL_GAP} tickLine={false} />
        {/* The ring values along a line between the first two axes, not on an axis where points and names are. */}
        <PolarRadiusAxis angle={90 - 180 / data.length} domain={domain} ticks={ticks} tickCount={ticks.length} tick={{ fill: '#4a5665', fontSize: 11 }} axisLine={false} />
        {drawn.map((i) => {
          const s = seriesStyle(i);
          return (
            <Radar
              key={d.waves[i]!.waveId}
              name={d.waves[i]!.label}
              dataKey={waveKey(i)}
              stroke={s.colour}
              fill={s.colour}
              strokeDasharray={s.dash || undefined}
              shape={(props: object) => <GappedPolygon {...(props as Parameters<typeof GappedPolygon>[0])} stroke={s.colour} fill={s.colour} strokeDasharray={s.dash || undefined} />}
              dot={markerDot(s.marker, s.colour)}
              isAnimationActive={false}
            />
          );
        })}
      </RadarChart>
    </ChartFigure>
  ) : (
    <ChartFigure label={t('dashboard.radar.barsLabel', { ...range, waves, scales: data.map((r) => r.label).join(', ') })} testId={`chart-radar-${key}`} legend={legend}>
      <BarChart width={720} height={scales.length * (drawn.length * 22 + 24) + 60} data={data} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <PatternDefs prefix={`score-${key}`} count={d.waves.length} />
        <CartesianGrid horizontal={false} stroke="#e1e6ec" />
        <XAxis type="number" domain={domain} ticks={ticks} tick={AXIS} allowDataOverflow />
        <YAxis type="category" dataKey="label" width={230} tick={{ fill: '#1d2733', fontSize: 13 }} interval={0} />
        {drawn.map((i) => (
          <Bar key={d.waves[i]!.waveId} dataKey={waveKey(i)} fill={`url(#score-${key}-${i})`} stroke={seriesStyle(i).colour} strokeWidth={1.5} barSize={18} isAnimationActive={false}>
            <LabelList dataKey={waveKey(i)} position="right" fontSize={11} fill="#1d2733" formatter={(v: unknown) => (typeof v === 'number' ? formatNumber(v, locale) : '')} />
          </Bar>
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/** The scores of the scales on one range: a radar (three or more scales) or bars, with the table of the same numbers. */
function ScoreChart({ d, group, heading, locale, texts }: { d: Dashboard; group: ScoreChartGroup; heading: boolean; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const { key, range, scales } = group;
  const data = radarRows(d, scales, locale);
  const omitted = omittedPoints(d, scales, locale);
  return (
    <div className="per-wave" data-testid={`scores-${key}`}>
      {heading && <h3>{t('dashboard.rangeTitle', { ...range })}</h3>}
      <ScoreFigure d={d} group={group} locale={locale} />
      <ResultTable caption={t('dashboard.radar.caption', { ...range })} testId={`radar-table-${key}`} columns={scaleByWaveColumns(d, t('dashboard.scale'))}>
        <tbody>
          {scales.map((s) => (
            <tr key={s.scaleId}>
              <th scope="row">{data.find((r) => r.scaleId === s.scaleId)?.label}</th>
              {d.waves.map((w) => {
                const stats = s.perWave.find((p) => p.waveId === w.waveId)?.stats;
                return <MeanCell key={w.waveId} shown={!!stats && !stats.suppressed && stats.mean !== null} text={meanCell(stats, locale, texts)} locale={locale} />;
              })}
            </tr>
          ))}
        </tbody>
      </ResultTable>
      {omitted.length > 0 && (
        <div className="omitted" data-testid={`radar-omitted-${key}`}>
          <p>{t('dashboard.radar.omitted')}</p>
          <ul>
            {omitted.map((o) => (
              <li key={`${o.scale}/${o.wave}`}>
                {t('dashboard.radar.omittedPoint', { scale: o.scale, wave: o.wave, reason: o.reason === 'suppressed' ? texts.suppressed : texts.noAnswers })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** A scale with few labelled answers (ja / deels / nee): per item and wave the share of each answer, not a mean. */
function SharesBlock({ d, scale, locale, texts }: { d: Dashboard; scale: ScaleSeries; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const name = pick(scale.label, locale);
  const options = (scale.options ?? []).map((o) => pick(o.label, locale)).join(' / ');
  return (
    <div className="per-wave" data-testid={`shares-${scale.scaleId}`}>
      <h3>{t('dashboard.radar.sharesTitle', { scale: name, options })}</h3>
      <p className="hint">{t('dashboard.radar.sharesIntro', { count: scale.options?.length ?? 0, options, ...scale.range })}</p>
      <DistributionFigure
        rows={distributionRows(d, scale.scaleId, locale)}
        chartLabel={t('dashboard.radar.sharesChartLabel', { scale: name, options })}
        caption={t('dashboard.radar.sharesCaption', { scale: name })}
        testId={`shares-${scale.scaleId}`}
        locale={locale}
        texts={texts}
      />
    </div>
  );
}

// --- 3. Trend with 95% CI ------------------------------------------------------------------------------

/** Each scale's mean per wave with its 95% interval, a small chart per scale: the figure of TrendSection, also drawn for reports. */
export function TrendFigure({ d, locale }: { d: Dashboard; locale: Locale }) {
  const { t } = useTranslation();
  const withValues = trendSeries(d, locale).filter((s) => s.points.some((p) => p.mean !== null));
  return withValues.length > 0 ? (
    <ChartFigure label={t('dashboard.trend.chartLabel', { scales: withValues.map((s) => s.label).join(', ') })} testId="chart-trend">
      <div className="small-multiples">
        {withValues.map((s) => {
          // Each scale on its own answer scale (1–3, 1–5, 1–7 …), never on a shared fixed axis; every whole number a tick.
          const domain = trendDomain(s);
          const ticks = rangeTicks(domain);
          return (
            <div key={s.scaleId} className="small-multiple" data-testid={`trend-${s.scaleId}`}>
              <p className="small-multiple-title" aria-hidden="true">
                {s.label}
              </p>
              <LineChart width={250} height={Math.max(190, ticks.length * 22 + 40)} data={s.points} margin={{ top: 10, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
                <CartesianGrid stroke="#e1e6ec" />
                <XAxis dataKey="wave" tick={AXIS} padding={{ left: 20, right: 20 }} />
                <YAxis domain={domain} ticks={ticks} interval={0} tick={AXIS} width={28} allowDataOverflow />
                <Line dataKey="mean" stroke="#1f5f8b" strokeWidth={2.5} connectNulls={false} dot={markerDot('circle', '#1f5f8b', 9)} isAnimationActive={false}>
                  <ErrorBar dataKey="ci" width={8} stroke="#33404f" strokeWidth={1.5} direction="y" />
                </Line>
              </LineChart>
            </div>
          );
        })}
      </div>
    </ChartFigure>
  ) : (
    <NoChart text={t('dashboard.noValues')} testId="no-chart-trend" />
  );
}

export function TrendSection({ d, locale, texts }: { d: Dashboard; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const series = trendSeries(d, locale);
  return (
    <Section id="dash-trend" title={t('dashboard.trend.title')} intro={<p>{t('dashboard.trend.intro')}</p>} testId="section-trend">
      <TrendFigure d={d} locale={locale} />
      <ResultTable
        caption={t('dashboard.trend.caption')}
        testId="scale-table"
        columns={[t('dashboard.scale'), t('dashboard.wave'), ...(['n', 'mean', 'sd', 'ci'] as const).map((k) => numeric(t(`dashboard.${k}`)))]}
      >
        {d.scales.map((s) => {
          const label = series.find((x) => x.scaleId === s.scaleId)?.label;
          return (
            <tbody key={s.scaleId} className="row-group">
              {d.waves.map((w, wi) => {
                const stats = s.perWave.find((p) => p.waveId === w.waveId)?.stats;
                const shown = stats && !stats.suppressed && stats.mean !== null;
                return (
                  <tr key={w.waveId} id={detailIds.conditionMean(s.scaleId, w.waveId)}>
                    {wi === 0 && (
                      <th scope="rowgroup" rowSpan={d.waves.length}>
                        {label}
                      </th>
                    )}
                    <th scope="row" className="sub-row-head">
                      {w.label}
                    </th>
                    <td className="numeric" data-testid={`scale-n-${s.scaleId}-${w.waveId}`}>
                      {formatCount(stats?.n ?? 0, locale)}
                    </td>
                    <MeanCell shown={!!shown} text={meanCell(stats, locale, texts)} locale={locale} testId={`scale-mean-${s.scaleId}-${w.waveId}`} />
                    <td className="numeric">{shown ? formatNumber(stats.sd, locale) : NO_VALUE}</td>
                    <td className="numeric" data-testid={`scale-ci-${s.scaleId}-${w.waveId}`}>
                      {shown ? formatInterval(stats.ciLow, stats.ciHigh, locale) : NO_VALUE}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </ResultTable>
    </Section>
  );
}

// --- Cronbach's alpha -------------------------------------------------------------------------------

export function AlphaSection({ d, locale }: { d: Dashboard; locale: Locale }) {
  const { t } = useTranslation();
  const rows = alphaRows(d, locale);
  if (rows.length === 0) return null;
  return (
    <Section id="dash-alpha" title={t('dashboard.alpha.title')} intro={<p>{t('dashboard.alpha.intro')}</p>} testId="section-alpha">
      <ResultTable caption={t('dashboard.alpha.caption')} testId="alpha-table" columns={scaleByWaveColumns(d, t('dashboard.scale'))}>
        <tbody>
          {rows.map((r) => (
            <tr key={r.scaleId}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c) => (
                <td key={c.waveId} className={c.alpha === null ? 'withheld' : 'numeric'} data-testid={`alpha-${r.scaleId}-${c.waveId}`}>
                  {c.alpha !== null
                    ? t('dashboard.alpha.cell', { alpha: c.alpha, n: c.n })
                    : c.unavailable
                      ? t('dashboard.alpha.unavailable', { reason: t(`dashboard.alpha.reasons.${c.unavailable}`, { min: d.minGroupSize }) })
                      : NO_VALUE}
                  {c.smallSample && <span className="warning-tag">{t('dashboard.alpha.smallN')}</span>}
                  {c.constantItems > 0 && <span className="cell-note">{t('dashboard.alpha.constant', { count: c.constantItems })}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </ResultTable>
    </Section>
  );
}
