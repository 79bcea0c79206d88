import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { NetworkComparison, ScoreRange } from '../../../../shared/results';
import type { LocalizedText } from '../../../../shared/text';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { CheckboxGroup, Field, Options } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { formatDate } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { CHART_SUBJECT_ATTRIBUTE, chartSubject } from '../export/chartSubject';
import { ChartFigure, ChartLegend, MeanCell, NoChart, PatternDefs, ResultTable, Section } from './ChartParts';
import { columnKey, nextSort, smallMultiplePanels, sortSeries, usesSmallMultiples, type CompareColumn, type CompareSort } from './comparison';
import { DEFAULT_RESULTS_INSTRUMENT } from './DashboardScreen';
import { formatNumber } from './format';
import { meanCell, networkComparison, rangeKey, rangeTicks, seriesKey, type ComparisonSeries } from './model';
import { NetworkMultiples } from './NetworkMultiples';
import { seriesStyle } from './palette';

/** *Netwerken vergelijken*: the scale means of several networks side by side, for researchers who follow more than one. */
export function CompareScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [setup] = useApiData('compare-setup', async () => {
    const [networks, instruments] = await Promise.all([api.listNetworks({}), api.listInstruments({})]);
    return { networks, instruments };
  });
  return (
    <div className="dashboard-screen">
      <BackButton label={t('nav.backToNetworks')} onClick={onBack} />
      <ScreenTitle title={t('dashboard.compare.title')}>{t('dashboard.compare.title')}</ScreenTitle>
      <p className="lead">{t('dashboard.compare.intro')}</p>
      <WhenLoaded loaded={setup}>
        {(data) => <CompareForm networks={data.networks} instruments={data.instruments} />}
      </WhenLoaded>
    </div>
  );
}

function CompareForm({ networks, instruments }: { networks: { id: string; name: string }[]; instruments: { instrumentId: string; version: number; name: LocalizedText }[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const choices = [...new Map(instruments.map((i) => [i.instrumentId, i.name])).entries()];
  const [picked, setPicked] = useState<Set<string>>(() => new Set(networks.map((n) => n.id)));
  const [instrumentId, setInstrumentId] = useState(() => (choices.some(([c]) => c === DEFAULT_RESULTS_INSTRUMENT) ? DEFAULT_RESULTS_INSTRUMENT : (choices[0]?.[0] ?? '')));
  const [mode, setMode] = useState<'latest' | 'all'>('latest');
  const [result, setResult] = useState<NetworkComparison | null>(null);
  const { busy, error, submit } = useAction();

  if (networks.length === 0) return <p className="empty">{t('networks.empty')}</p>;

  const compare = submit(async () => {
    setResult(null);
    const ordered = networks.filter((n) => picked.has(n.id)).map((n) => n.id);
    setResult(await api.compareNetworks({ networkIds: ordered, instrumentId }));
  });

  return (
    <>
      <form className="panel dashboard-filters" onSubmit={compare} noValidate data-testid="compare-form">
        <div className="filter-row">
          <CheckboxGroup legend={t('dashboard.compare.networks')} options={networks.map((n) => ({ value: n.id, label: n.name }))} chosen={picked} onChange={setPicked} />
          <div className="filter-column">
            <Field id={`${id}-instrument`} label={t('dashboard.filters.instrument')}>
              <select id={`${id}-instrument`} value={instrumentId} onChange={(e) => setInstrumentId(e.target.value)}>
                <Options options={choices.map(([c, name]) => ({ value: c, label: name[locale] || name.nl }))} />
              </select>
            </Field>
            <fieldset className="checkbox-group">
              <legend>{t('dashboard.compare.mode')}</legend>
              <label className="checkbox">
                <input type="radio" name={`${id}-mode`} checked={mode === 'latest'} onChange={() => setMode('latest')} />
                {t('dashboard.compare.latest')}
              </label>
              <label className="checkbox">
                <input type="radio" name={`${id}-mode`} checked={mode === 'all'} onChange={() => setMode('all')} />
                {t('dashboard.compare.all')}
              </label>
            </fieldset>
          </div>
        </div>
        <ErrorAlert message={error} testId="compare-error" />
        <button type="submit" className="button" disabled={busy}>
          {t('dashboard.compare.submit')}
        </button>
      </form>
      {result && (
        <CompareResult
          result={result}
          mode={mode}
          instrument={result.instrumentName[locale] || result.instrumentName.nl}
          notMeasured={networks.filter((n) => picked.has(n.id) && !result.networks.some((r) => r.networkId === n.id && r.waves.length > 0)).map((n) => n.name)}
        />
      )}
    </>
  );
}

/**
 * The comparison: the table, and a chart per answer scale (small multiples for many networks). Chosen
 * networks without a wave with this questionnaire are named; when none of them has one, one sentence
 * says so instead of an empty table.
 */
function CompareResult({ result, mode, instrument, notMeasured }: { result: NetworkComparison; mode: 'latest' | 'all'; instrument: string; notMeasured: string[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { scales, series, charts } = networkComparison(result, mode, locale);
  const [sort, setSort] = useState<CompareSort>({ column: { by: 'network' }, direction: 'ascending' });
  const sorted = sortSeries(series, sort, locale);
  const many = usesSmallMultiples(series);
  const networks = [...new Set(series.map((s) => s.network))];
  const subject = chartSubject([
    networks.length <= 3 ? networks.join(', ') : t('dashboard.compareMany.networkCount', { number: networks.length }),
    instrument,
    mode === 'latest' ? t('dashboard.compareMany.subjectLatest') : t('dashboard.compareMany.subjectAll'),
  ]);
  const table = <CompareTable series={sorted} scales={scales} mode={mode} sort={sort} onSort={(column) => setSort(nextSort(sort, column))} />;
  const drawn = charts.length > 0 && series.length > 0;
  if (series.length === 0) {
    return (
      <Section id="compare-result" title={t('dashboard.compare.resultTitle')} testId="compare-result">
        <p className="empty no-chart" data-testid="compare-none">
          {t('compareEmpty.none', { instrument })}
        </p>
      </Section>
    );
  }
  return (
    <Section id="compare-result" title={t('dashboard.compare.resultTitle')} testId="compare-result">
      {notMeasured.length > 0 && (
        <p className="hint" data-testid="compare-not-measured">
          {t('compareEmpty.notMeasured', { instrument, networks: notMeasured.join(', ') })}
        </p>
      )}
      <div {...{ [CHART_SUBJECT_ATTRIBUTE]: subject }}>
        {!drawn && <NoChart text={t('dashboard.noValues')} testId="no-chart-compare" />}
        {drawn && !many && charts.map(({ key, range, rows }) => <GroupedChart key={key} chartKey={key} range={range} rows={rows} series={series} />)}
        {table}
        {drawn && many && (
          <>
            <h3>{t('dashboard.compareMany.multiplesTitle')}</h3>
            <p className="hint">{t('dashboard.compareMany.multiplesIntro')}</p>
            {charts.map(({ key, range, scaleIds }) => (
              <div key={key}>
                {charts.length > 1 && <h4>{t('dashboard.rangeTitle', { ...range })}</h4>}
                <NetworkMultiples
                  panels={smallMultiplePanels(
                    sorted,
                    scales.filter((s) => scaleIds.includes(s.scaleId)),
                  )}
                  range={range}
                  label={t('dashboard.compareMany.multiplesLabel', { ...range })}
                  texts={{ noDate: t('dashboard.compareMany.noDate'), missing: t('dashboard.compareMany.notShown') }}
                  locale={locale}
                  testId={`multiples-compare-${key}`}
                />
              </div>
            ))}
          </>
        )}
      </div>
    </Section>
  );
}

/** The few-networks chart: every series a bar per scale, told apart by colour and fill pattern, with a legend. */
function GroupedChart({ chartKey, range, rows, series }: { chartKey: string; range: ScoreRange; rows: Record<string, string | number | null>[]; series: ComparisonSeries[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const domain: [number, number] = [range.min, range.max];
  return (
    <ChartFigure
      label={t('dashboard.compare.chartLabel', { networks: series.map((s) => s.label).join(', '), ...range })}
      testId={`chart-compare-${chartKey}`}
      legend={<ChartLegend items={series.map((s, i) => ({ key: s.key, label: s.label, colour: seriesStyle(i).colour, pattern: seriesStyle(i).pattern }))} />}
    >
      <BarChart width={760} height={Math.max(180, rows.length * (series.length * 14 + 28) + 60)} data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <PatternDefs prefix={`cmp-${chartKey}`} count={series.length} />
        <CartesianGrid horizontal={false} stroke="#e1e6ec" />
        <XAxis type="number" domain={domain} ticks={rangeTicks(domain)} tick={{ fill: '#33404f', fontSize: 13 }} allowDataOverflow />
        <YAxis type="category" dataKey="label" width={230} tick={{ fill: '#1d2733', fontSize: 13 }} interval={0} />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={seriesKey(i)} fill={`url(#cmp-${chartKey}-${i})`} stroke={seriesStyle(i).colour} strokeWidth={1.5} barSize={12} isAnimationActive={false}>
            <LabelList dataKey={seriesKey(i)} position="right" fontSize={11} fill="#1d2733" formatter={(v: unknown) => (typeof v === 'number' ? formatNumber(v, locale) : '')} />
          </Bar>
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/**
 * The comparison as a table: per network (and wave) its wave with the planned date and per scale
 * the mean with n, or why it is not shown. Every column heading is a button that sorts by it
 * (again: the other way round); the heading carries `aria-sort`, and a status line says the order.
 */
function CompareTable({
  series,
  scales,
  mode,
  sort,
  onSort,
}: {
  series: ComparisonSeries[];
  scales: { scaleId: string; label: string; range: ScoreRange }[];
  mode: 'latest' | 'all';
  sort: CompareSort;
  onSort: (column: CompareColumn) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // Networks may use different minimum group sizes; the sentence names none.
  const texts = { suppressed: t('dashboard.suppressedPlain'), noAnswers: t('dashboard.noAnswers') };
  // Scales on different answer scales (1–5, 1–7 …) get a chart each; the table names each scale's range.
  const several = new Set(scales.map((s) => rangeKey(s.range))).size > 1;
  const columns: { column: CompareColumn; label: string; numeric: boolean }[] = [
    { column: { by: 'network' }, label: t('dashboard.compareMany.network'), numeric: false },
    { column: { by: 'wave' }, label: mode === 'latest' ? t('dashboard.compareMany.latestWave') : t('dashboard.compareMany.wave'), numeric: false },
    ...scales.map((s) => ({
      column: { by: 'scale', scaleId: s.scaleId } as CompareColumn,
      label: several ? `${s.label} (${t('dashboard.rangePlain', { ...s.range })})` : s.label,
      numeric: true,
    })),
  ];
  const current = columns.find((c) => columnKey(c.column) === columnKey(sort.column));
  return (
    <>
      <p className="hint">{t('dashboard.compareMany.sortHint')}</p>
      <ResultTable
        caption={t('dashboard.compare.caption')}
        testId="compare-table"
        className="sortable-table"
        columns={columns.map(({ column, label, numeric: isNumeric }) => {
          const key = columnKey(column);
          const sorted = key === columnKey(sort.column);
          return {
            key,
            className: isNumeric ? 'numeric' : undefined,
            sort: sorted ? sort.direction : 'none',
            testId: `sort-${key}`,
            label: (
              <button type="button" className="sort-button" onClick={() => onSort(column)}>
                {label}
              </button>
            ),
          };
        })}
      >
        <tbody>
          {series.map((s) => (
            <tr key={s.key} data-testid={`compare-row-${s.key}`}>
              <th scope="row">{s.network}</th>
              <td>
                {s.wave.label}{' '}
                <span className="cell-n">{s.wave.plannedDate ? formatDate(s.wave.plannedDate, locale) : t('dashboard.compareMany.noDate')}</span>
              </td>
              {scales.map((sc) => {
                const stats = s.values.get(sc.scaleId);
                return (
                  <MeanCell
                    key={sc.scaleId}
                    shown={!!stats && !stats.suppressed && stats.mean !== null}
                    text={stats ? meanCell(stats, locale, texts) : t('dashboard.compare.notMeasured')}
                    n={stats?.n}
                    locale={locale}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </ResultTable>
      <p className="visually-hidden" role="status" data-testid="compare-sort-status">
        {current && t('dashboard.compareMany.sorted', { column: current.label, direction: t(`dashboard.compareMany.${sort.direction}`) })}
      </p>
    </>
  );
}
