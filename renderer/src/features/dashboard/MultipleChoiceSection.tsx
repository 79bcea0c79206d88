import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { numeric } from '../../components/DataTable';
import { ChartFigure, ChartLegend, NoChart, ResultTable, Section } from './ChartParts';
import { formatCount, formatPercent } from './format';
import type { CellTexts } from './model';
import { tickedCell, tickedTables, type TickedTable } from './multiple-choice';
import { SERIES_COLOURS } from './palette';

const AXIS = { fill: '#33404f', fontSize: 12 };

/**
 * Select-all-that-apply questions: per question a bar per option and wave (the share of those who
 * answered that ticked it) and a table with count and percentage. Test ids: `section-multiple`,
 * `multiple-<itemId>-table`, rows `multiple-<itemId>-<code>`.
 */
export function MultipleChoiceSection({ d, locale, texts }: { d: Dashboard; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const tables = tickedTables(d, locale);
  if (tables.length === 0) return null;
  return (
    <Section id="dash-multiple" title={t('dashboard.multipleChoice.title')} intro={<p>{t('dashboard.multipleChoice.intro')}</p>} testId="section-multiple">
      {tables.map((table) => (
        <div key={table.itemId} className="per-wave" data-testid={`multiple-${table.itemId}`}>
          <h3>{table.label}</h3>
          <p className="section-intro">{table.question}</p>
          <TickedChart table={table} locale={locale} />
          <TickedTableView table={table} locale={locale} texts={texts} />
        </div>
      ))}
    </Section>
  );
}

function TickedChart({ table, locale }: { table: TickedTable; locale: Locale }) {
  const { t } = useTranslation();
  const shown = table.waves.map((w, i) => ({ w, i })).filter(({ w }) => !w.absent && !w.suppressed && w.answered > 0);
  if (shown.length === 0) return <NoChart text={t('dashboard.noValues')} testId={`no-chart-multiple-${table.itemId}`} />;
  const rows = table.options.map((o) => {
    const row: Record<string, string | number> = { label: o.label };
    for (const { w, i } of shown) row[`w${i}`] = (o.counts[i] ?? 0) / w.answered;
    return row;
  });
  return (
    <ChartFigure
      label={t('dashboard.multipleChoice.chartLabel', { item: table.label })}
      testId={`chart-multiple-${table.itemId}`}
      legend={<ChartLegend items={shown.map(({ w, i }) => ({ key: w.waveId, label: w.waveLabel, colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!, pattern: 'solid' as const }))} />}
    >
      <BarChart width={760} height={rows.length * (14 * shown.length + 16) + 60} data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#e1e6ec" />
        <XAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={AXIS} tickFormatter={(v: number) => formatPercent(v, locale)} />
        <YAxis type="category" dataKey="label" width={220} tick={{ fill: '#1d2733', fontSize: 12 }} interval={0} />
        {shown.map(({ w, i }) => (
          <Bar key={w.waveId} dataKey={`w${i}`} name={w.waveLabel} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} barSize={12} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

function TickedTableView({ table, locale, texts }: { table: TickedTable; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const withheld = (w: TickedTable['waves'][number]) => w.absent || w.suppressed || w.answered === 0;
  const withheldText = (w: TickedTable['waves'][number]) => (w.absent ? t('dashboard.distribution.absent') : w.suppressed ? texts.suppressed : texts.noAnswers);
  return (
    // A withheld wave's cell spans the options and the counts below them: below the minimum group nothing is shown.
    <ResultTable
      caption={t('dashboard.multipleChoice.caption', { item: table.label })}
      testId={`multiple-${table.itemId}-table`}
      columns={[t('dashboard.multipleChoice.answer'), ...table.waves.map((w) => numeric(w.waveLabel, { key: w.waveId }))]}
    >
      <tbody>
        {table.options.map((o, row) => (
          <tr key={o.code} data-testid={`multiple-${table.itemId}-${o.code}`}>
            <th scope="row">{o.label}</th>
            {table.waves.map((w, i) =>
              withheld(w) ? (
                row === 0 && (
                  <td key={w.waveId} rowSpan={table.options.length + 2} className="withheld withheld-span">
                    {withheldText(w)}
                  </td>
                )
              ) : (
                <td key={w.waveId} className="numeric">
                  {tickedCell(o.counts[i]!, w.answered, locale)}
                </td>
              ),
            )}
          </tr>
        ))}
        {(['answered', 'missing'] as const).map((count) => (
          <tr key={count} data-testid={`multiple-${table.itemId}-${count}`}>
            <th scope="row">{count === 'answered' ? t('dashboard.multipleChoice.answered') : t('dashboard.distribution.missing')}</th>
            {table.waves.map(
              (w) =>
                !withheld(w) && (
                  <td key={w.waveId} className="numeric">
                    {formatCount(w[count], locale)}
                  </td>
                ),
            )}
          </tr>
        ))}
      </tbody>
    </ResultTable>
  );
}
