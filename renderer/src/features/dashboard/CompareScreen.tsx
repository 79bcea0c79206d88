import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { NetworkComparison } from '../../../../shared/results';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { numeric } from '../../components/DataTable';
import { CheckboxGroup, Field, Options } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { ChartFigure, ChartLegend, MeanCell, NoChart, PatternDefs, ResultTable, Section } from './ChartParts';
import { DEFAULT_RESULTS_INSTRUMENT } from './DashboardScreen';
import { formatNumber } from './format';
import { meanCell, networkComparison, rangeKey, rangeTicks, seriesKey } from './model';
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

function CompareForm({ networks, instruments }: { networks: { id: string; name: string }[]; instruments: { instrumentId: string; version: number; name: { nl: string; en: string } }[] }) {
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

  const nameOf = (iid: string) => {
    const name = choices.find(([c]) => c === iid)?.[1];
    return name ? name[locale] || name.nl : iid;
  };

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
          instrumentName={nameOf(result.instrumentId)}
          notMeasured={networks.filter((n) => picked.has(n.id) && !result.networks.some((r) => r.networkId === n.id && r.waves.length > 0)).map((n) => n.name)}
        />
      )}
    </>
  );
}

/**
 * The comparison: a chart per answer scale and the table. Chosen networks without a wave with this
 * questionnaire are named; when none of them has one, one sentence says so instead of an empty table.
 */
function CompareResult({ result, mode, instrumentName, notMeasured }: { result: NetworkComparison; mode: 'latest' | 'all'; instrumentName: string; notMeasured: string[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // Networks may use different minimum group sizes; the sentence names none.
  const texts = { suppressed: t('dashboard.suppressedPlain'), noAnswers: t('dashboard.noAnswers') };
  const { scales, series, charts } = networkComparison(result, mode, locale);
  // Scales on different answer scales (1–5, 1–7 …) get a chart each; the table names each scale's range.
  const several = new Set(scales.map((s) => rangeKey(s.range))).size > 1;
  if (series.length === 0) {
    return (
      <Section id="compare-result" title={t('dashboard.compare.resultTitle')} testId="compare-result">
        <p className="empty no-chart" data-testid="compare-none">
          {t('compareEmpty.none', { instrument: instrumentName })}
        </p>
      </Section>
    );
  }
  return (
    <Section id="compare-result" title={t('dashboard.compare.resultTitle')} testId="compare-result">
      {notMeasured.length > 0 && (
        <p className="hint" data-testid="compare-not-measured">
          {t('compareEmpty.notMeasured', { instrument: instrumentName, networks: notMeasured.join(', ') })}
        </p>
      )}
      {charts.length > 0 && series.length > 0 ? (
        charts.map(({ key, range, rows }) => {
          const domain: [number, number] = [range.min, range.max];
          return (
            <ChartFigure
              key={key}
              label={t('dashboard.compare.chartLabel', { networks: series.map((s) => s.label).join(', '), ...range })}
              testId={`chart-compare-${key}`}
              legend={<ChartLegend items={series.map((s, i) => ({ key: s.key, label: s.label, colour: seriesStyle(i).colour, pattern: seriesStyle(i).pattern }))} />}
            >
              <BarChart width={760} height={Math.max(180, rows.length * (series.length * 14 + 28) + 60)} data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }} accessibilityLayer={false}>
                <PatternDefs prefix={`cmp-${key}`} count={series.length} />
                <CartesianGrid horizontal={false} stroke="#e1e6ec" />
                <XAxis type="number" domain={domain} ticks={rangeTicks(domain)} tick={{ fill: '#33404f', fontSize: 13 }} allowDataOverflow />
                <YAxis type="category" dataKey="label" width={230} tick={{ fill: '#1d2733', fontSize: 13 }} interval={0} />
                {series.map((s, i) => (
                  <Bar key={s.key} dataKey={seriesKey(i)} fill={`url(#cmp-${key}-${i})`} stroke={seriesStyle(i).colour} strokeWidth={1.5} barSize={12} isAnimationActive={false}>
                    <LabelList dataKey={seriesKey(i)} position="right" fontSize={11} fill="#1d2733" formatter={(v: unknown) => (typeof v === 'number' ? formatNumber(v, locale) : '')} />
                  </Bar>
                ))}
              </BarChart>
            </ChartFigure>
          );
        })
      ) : (
        <NoChart text={t('dashboard.noValues')} testId="no-chart-compare" />
      )}
      <ResultTable
        caption={t('dashboard.compare.caption')}
        testId="compare-table"
        columns={[
          t('dashboard.compare.network'),
          ...scales.map((s) => numeric(several ? `${s.label} (${t('dashboard.rangePlain', { ...s.range })})` : s.label, { key: s.scaleId })),
        ]}
      >
        <tbody>
          {series.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.label}</th>
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
    </Section>
  );
}
