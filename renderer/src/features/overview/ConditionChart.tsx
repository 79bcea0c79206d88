import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { ConditionSummary } from '../../../../shared/domain';
import { currentLocale, localized } from '../../i18n';
import { formatMean } from '../../lib/format';

const WIDTH = 720;
const ROW_HEIGHT = 48;

/**
 * The condition means as horizontal bars on the 1–5 agreement scale. Withheld and empty groups
 * get no bar. The chart is a picture of the table above it, which carries the same numbers and
 * is what assistive technology reads, so the chart itself is hidden from it.
 */
export function ConditionChart({ conditions }: { conditions: ConditionSummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const data = conditions.map((c) => ({ label: localized(c.label, locale), mean: c.mean }));
  if (!data.some((d) => d.mean !== null)) return null;
  return (
    <figure className="chart" data-testid="condition-chart">
      <div aria-hidden="true">
        <BarChart
          width={WIDTH}
          height={ROW_HEIGHT * data.length + 48}
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 56, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke="#d5dbe3" />
          <XAxis type="number" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={{ fill: '#33404f' }} />
          <YAxis type="category" dataKey="label" width={230} tick={{ fill: '#1d2733', fontSize: 14 }} />
          <Bar dataKey="mean" fill="#1f5f8b" barSize={24} isAnimationActive={false}>
            <LabelList dataKey="mean" position="right" formatter={(v: unknown) => (typeof v === 'number' ? formatMean(v, locale) : '')} fill="#1d2733" />
          </Bar>
        </BarChart>
      </div>
      <figcaption>{t('overview.chartCaption')}</figcaption>
    </figure>
  );
}
