import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { numeric } from '../../components/DataTable';
import { ChartFigure, ChartLegend, FillPatternDef, InlineSelect, NoChart, ResultTable, RowNote, Section } from './ChartParts';
import { formatCount, formatPercent, pick } from './format';
import { distributionCell, distributionChartRows, distributionOptions, distributionRows, type CellTexts, type DistributionRow } from './model';
import { optionColour, textOn } from './palette';
import { useInPrint } from './printLayout';

const AXIS = { fill: '#33404f', fontSize: 12 };

// --- 7. Answer distributions per item ------------------------------------------------------------------

/**
 * The answers per item of one condition at a time, chosen on screen; the print view shows every
 * condition (and the items outside a condition) one after the other, each under its name.
 */
export function DistributionSection({ d, locale, texts }: { d: Dashboard; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const inPrint = useInPrint();
  const otherItems = d.items.some((it) => it.scaleId === null && it.type !== 'multiple' && it.perWave.some((p) => p.stats.distribution && p.stats.distribution.length > 0));
  const groups = [...d.scales.map((s) => ({ value: s.scaleId, label: pick(s.label, locale) })), ...(otherItems ? [{ value: '', label: t('dashboard.distribution.other') }] : [])];
  const [chosen, setChosen] = useState(groups[0]?.value ?? '');
  const value = groups.some((g) => g.value === chosen) ? chosen : (groups[0]?.value ?? '');
  if (groups.length === 0) return null;
  const figure = (group: { value: string; label: string }, testId: string) => (
    <DistributionFigure
      rows={distributionRows(d, group.value === '' ? null : group.value, locale)}
      chartLabel={t('dashboard.distribution.chartLabel', { group: group.label })}
      caption={t('dashboard.distribution.caption', { group: group.label })}
      testId={testId}
      locale={locale}
      texts={texts}
    />
  );
  return (
    <Section id="dash-distribution" title={t('dashboard.distribution.title')} intro={<p>{t('dashboard.distribution.intro')}</p>} testId="section-distribution">
      {inPrint ? (
        groups.map((g) => (
          <div key={g.value} className="per-wave" data-testid={`distribution-group-${g.value || 'other'}`}>
            <h3>{g.label}</h3>
            {figure(g, `distribution-${g.value || 'other'}`)}
          </div>
        ))
      ) : (
        <>
          <InlineSelect label={t('dashboard.distribution.choose')} value={value} onChange={setChosen} options={groups} />
          {figure(groups.find((g) => g.value === value) ?? { value, label: '' }, 'distribution')}
        </>
      )}
    </Section>
  );
}

/** The raw answers of some items per wave as stacked bars: the figure of DistributionFigure, also drawn for reports. */
export function DistributionChart({ rows, chartLabel, testId, locale }: { rows: DistributionRow[]; chartLabel: string; testId: string; locale: Locale }) {
  const { t } = useTranslation();
  const chartId = useId();
  const options = distributionOptions(rows);
  const scoredCount = options.filter((o) => o.scored).length;
  const chartRows = distributionChartRows(rows);
  const colourOf = (code: number) => {
    const o = options.find((x) => x.code === code);
    const scoredIndex = options.filter((x) => x.scored).findIndex((x) => x.code === code);
    return optionColour(scoredIndex, scoredCount, o?.scored ?? true);
  };
  const patternId = `${chartId.replace(/:/g, '')}-ns`;
  return chartRows.length > 0 ? (
    <ChartFigure
      label={chartLabel}
      testId={`chart-${testId}`}
      legend={<ChartLegend items={options.map((o) => ({ key: String(o.code), label: o.label, colour: colourOf(o.code), pattern: o.scored ? ('solid' as const) : ('diagonal' as const) }))} />}
    >
      <BarChart
        width={760}
        height={chartRows.length * 30 + 60}
        data={chartRows}
        layout="vertical"
        stackOffset="expand"
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <defs>
          <FillPatternDef id={patternId} pattern="diagonal" colour="#7a8491" />
        </defs>
        <CartesianGrid horizontal={false} stroke="#e1e6ec" />
        <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={AXIS} tickFormatter={(v: number) => formatPercent(v, locale)} />
        <YAxis type="category" dataKey="label" width={300} tick={{ fill: '#1d2733', fontSize: 12 }} interval={0} />
        {options.map((o) => {
          const fill = o.scored ? colourOf(o.code) : `url(#${patternId})`;
          return (
            <Bar key={o.code} dataKey={`o${o.code}`} stackId="answers" fill={fill} stroke="#ffffff" strokeWidth={1} barSize={20} isAnimationActive={false}>
              <LabelList
                dataKey={`o${o.code}`}
                position="center"
                fontSize={11}
                fill={o.scored ? textOn(colourOf(o.code)) : '#1d2733'}
                formatter={(v: unknown) => (typeof v === 'number' && v >= 0.08 ? formatPercent(v, locale) : '')}
              />
            </Bar>
          );
        })}
      </BarChart>
    </ChartFigure>
  ) : (
    <NoChart text={t('dashboard.noValues')} testId={`no-chart-${testId}`} />
  );
}

/**
 * The raw answers of some items per wave: a stacked bar per item and wave (share of each option,
 * "weet niet" hatched) and a table with count and percentage per option, the share agreeing where it
 * applies, and "ruwe antwoorden" at a reverse-keyed item. Test ids: `chart-<testId>`,
 * `<testId>-table`, rows `<testId>-<itemId>-<waveId>`.
 */
export function DistributionFigure({
  rows,
  chartLabel,
  caption,
  testId,
  locale,
  texts,
}: {
  rows: DistributionRow[];
  chartLabel: string;
  caption: string;
  testId: string;
  locale: Locale;
  texts: CellTexts;
}) {
  const { t } = useTranslation();
  const options = distributionOptions(rows);
  const withShareAgree = rows.some((r) => r.shareAgree !== null);
  return (
    <>
      <DistributionChart rows={rows} chartLabel={chartLabel} testId={testId} locale={locale} />
      <ResultTable
        caption={caption}
        testId={`${testId}-table`}
        columns={[
          t('dashboard.item'),
          t('dashboard.wave'),
          ...options.map((o) => numeric(o.label, { key: String(o.code) })),
          numeric(t('dashboard.distribution.missing')),
          ...(withShareAgree ? [numeric(t('dashboard.distribution.shareAgree'))] : []),
        ]}
      >
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={`${testId}-${r.itemId}-${r.waveId}`}>
              <th scope="row">
                {r.itemLabel}
                {r.reverse && <RowNote>{t('dashboard.reverse.raw')}</RowNote>}
              </th>
              <td>{r.waveLabel}</td>
              {r.absent || r.suppressed || r.total === 0 ? (
                <td colSpan={options.length + 1 + (withShareAgree ? 1 : 0)} className="withheld withheld-span">
                  {r.absent ? t('dashboard.distribution.absent') : r.suppressed ? texts.suppressed : texts.noAnswers}
                </td>
              ) : (
                <>
                  {options.map((o) => (
                    <td key={o.code} className="numeric">
                      {distributionCell(r, o.code, locale)}
                    </td>
                  ))}
                  <td className="numeric">{formatCount(r.missing, locale)}</td>
                  {withShareAgree && <td className="numeric">{formatPercent(r.shareAgree, locale)}</td>}
                </>
              )}
            </tr>
          ))}
        </tbody>
      </ResultTable>
    </>
  );
}
