import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { ConditionSummary } from '../../../../shared/domain';
import { currentLocale, localized } from '../../i18n';
import { formatMean } from '../../lib/format';
import { byRange, rangeTicks } from '../../lib/ranges';

const WIDTH = 720;
const ROW_HEIGHT = 48;

/**
 * The condition means as horizontal bars, on each instrument's own answer scale: conditions on
 * different ranges (1–5, 1–3, 1–7 …) get a chart each, never one shared axis. Withheld and empty
 * groups get no bar. The chart is a picture of the table above it, which carries the same numbers
 * and is what assistive technology reads, so the chart itself is hidden from it.
 */
export function ConditionChart({ conditions }: { conditions: ConditionSummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const groups = byRange(
    conditions.filter((c) => c.mean !== null),
    (c) => c.range,
  );
  if (groups.length === 0) return null;
  return (
    <figure className="chart" data-testid="condition-chart">
      <div aria-hidden="true">
        {groups.map(({ key, range, members }) => {
          const data = members.map((c) => ({ label: localized(c.label, locale), mean: c.mean }));
          const domain: [number, number] = [range.min, range.max];
          return (
            <BarChart
              key={key}
              width={WIDTH}
              height={ROW_HEIGHT * data.length + 48}
              data={data}
              layout="vertical"
              margin={{ top: 8, right: 56, bottom: 8, left: 8 }}
              accessibilityLayer={false}
            >
              <CartesianGrid horizontal={false} stroke="#d5dbe3" />
              <XAxis type="number" domain={domain} ticks={rangeTicks(domain)} tick={{ fill: '#33404f' }} allowDataOverflow />
              <YAxis type="category" dataKey="label" width={230} tick={{ fill: '#1d2733', fontSize: 14 }} />
              <Bar dataKey="mean" fill="#1f5f8b" barSize={24} isAnimationActive={false}>
                <LabelList dataKey="mean" position="right" formatter={(v: unknown) => (typeof v === 'number' ? formatMean(v, locale) : '')} fill="#1d2733" />
              </Bar>
            </BarChart>
          );
        })}
      </div>
      <figcaption>{t('overview.chartCaption', { ranges: groups.map(({ range }) => t('dashboard.rangePlain', { ...range })).join('; ') })}</figcaption>
    </figure>
  );
}
