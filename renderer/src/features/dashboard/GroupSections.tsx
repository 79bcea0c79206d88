import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ComposedChart, LabelList, Line, XAxis, YAxis } from 'recharts';
import type { Dashboard, GroupBreakdown, GroupBy } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { numeric } from '../../components/DataTable';
import { ChartFigure, ChartLegend, markerDot, MeanCell, NoChart, PatternDefs, ResultTable, RowNote, Section, WaveSelect } from './ChartParts';
import { formatNumber, NO_VALUE } from './format';
import { useTranslate } from './hooks';
import { byRange, groupCell, groupChartRows, groupScales, hasGroupValues, rangeTicks, waveLabelOf, type CellTexts, type GroupScale } from './model';
import { seriesStyle } from './palette';

const AXIS = { fill: '#33404f', fontSize: 13 };

function HiddenGroups({ count, min, kind, testId = `hidden-${kind}s` }: { count: number; min: number; kind: 'organisation' | 'group'; testId?: string }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <p className="hint" data-testid={testId}>
      {kind === 'organisation' ? t('dashboard.spread.hidden', { count, min }) : t('dashboard.breakdown.hidden', { count, min })}
    </p>
  );
}

/** Rows: scales; columns: groups (and the range). A suppressed cell gives the sentence, never the group's n. */
function GroupTable({ scales, caption, testId, locale, texts, spreadColumn }: { scales: GroupScale[]; caption: string; testId: string; locale: Locale; texts: CellTexts; spreadColumn: boolean }) {
  const { t } = useTranslation();
  const groups = scales[0]?.groups ?? [];
  const several = byRange(scales, (s) => s.range).length > 1;
  return (
    <ResultTable
      caption={caption}
      testId={testId}
      columns={[
        t('dashboard.scale'),
        // A column per group, headed by its name: `group-column` lets a long name wrap inside a word on paper.
        ...groups.map((g) => ({ ...numeric(g.label, { key: g.groupId, testId: `${testId}-group-${g.groupId}` }), className: 'numeric group-column' })),
        ...(spreadColumn ? [numeric(t('dashboard.spread.range'))] : []),
      ]}
    >
      <tbody>
        {scales.map((s) => (
          <tr key={s.scaleId}>
            <th scope="row">
              {s.label}
              {several && <RowNote>{t('dashboard.rangePlain', { ...s.range })}</RowNote>}
            </th>
            {s.groups.map((v) => (
              <MeanCell key={v.groupId} shown={v.mean !== null} text={groupCell(v, locale, texts)} n={v.n} locale={locale} testId={`${testId}-${v.groupId}-${s.scaleId}`} />
            ))}
            {spreadColumn && (
              <td className="numeric" data-testid={`${testId}-range-${s.scaleId}`}>
                {s.min !== null && s.max !== null && s.groups.filter((g) => g.mean !== null).length >= 2
                  ? t('dashboard.spread.rangeCell', { low: formatNumber(s.min, locale), high: formatNumber(s.max, locale), diff: formatNumber(s.max - s.min, locale) })
                  : NO_VALUE}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </ResultTable>
  );
}

/** The scales with a value to draw, one chart per score range (different answer scales never share an axis). */
const groupCharts = (scales: readonly GroupScale[]) =>
  byRange(
    scales.filter((s) => s.groups.some((g) => g.mean !== null)),
    (s) => s.range,
  );

/** The word for what a breakdown groups by, as in "Uitsplitsing naar {{by}}". */
function useGroupWord(): (groupBy: GroupBy) => string {
  const { t } = useTranslation();
  const words: Record<GroupBy, string> = {
    organisation: t('forWhom.by.organisation'),
    role: t('dashboard.breakdown.byRole'),
    discipline: t('dashboard.breakdown.byDiscipline'),
    governanceBody: t('forWhom.by.governanceBody'),
    sector: t('forWhom.by.sector'),
    sizeClass: t('forWhom.by.sizeClass'),
  };
  return (groupBy) => words[groupBy];
}

/** Sectors and size classes arrive as their enumeration value (`zorg`, `lt100`): named here in the UI language. */
function useNamedGroups(breakdown: GroupBreakdown): GroupBreakdown {
  const translate = useTranslate();
  const { groupBy } = breakdown;
  if (groupBy !== 'sector' && groupBy !== 'sizeClass') return breakdown;
  return {
    ...breakdown,
    groups: breakdown.groups.map((g) => {
      const name = translate(`${groupBy}.${g.groupId}`);
      return { ...g, label: { nl: name, en: name } };
    }),
  };
}

/** The last wave in which some group has a shown value (else the last wave): where a per-wave section starts. */
function startWave(d: Dashboard, breakdown: GroupBreakdown | null): string {
  const withValues = d.waves.filter((w) => hasGroupValues(groupScales(d, breakdown, w.waveId, 'nl')));
  return (withValues.at(-1) ?? d.waves.at(-1))?.waveId ?? '';
}

/** What a per-wave group section shows: the groups named, the wave (`chosen`, else where it starts), the scales' values in it. */
function useGroupView(d: Dashboard, sent: GroupBreakdown, chosen: string | undefined, locale: Locale) {
  const groupWord = useGroupWord();
  const breakdown = useNamedGroups(sent);
  const waveId = chosen !== undefined && d.waves.some((w) => w.waveId === chosen) ? chosen : startWave(d, breakdown);
  return { waveId, scales: groupScales(d, breakdown, waveId, locale), groups: breakdown.groups, wave: waveLabelOf(d.waves, waveId), by: groupWord(breakdown.groupBy) };
}

// --- 5. Spread between partner organisations ---------------------------------------------------------

/**
 * The spread between partner organisations (or by sector or size class, `spreadFallback`) in one
 * wave, one chart per score range: the charts of SpreadSection, also drawn for reports, in the
 * wave where it starts unless `waveId` says otherwise.
 */
export function SpreadCharts({ d, locale, waveId: chosen }: { d: Dashboard; locale: Locale; waveId?: string }) {
  const { t } = useTranslation();
  const fallback = d.spreadFallback ?? null;
  const { scales, groups, wave, by } = useGroupView(d, fallback ?? d.organisations, chosen, locale);
  return groups.length > 0 && hasGroupValues(scales) ? (
    groupCharts(scales).map(({ key, range, members }) => {
      const rows = groupChartRows(members);
      const domain: [number, number] = [range.min, range.max];
      return (
        <ChartFigure
          key={key}
          label={fallback ? t('forWhom.spread.chartLabel', { by, wave, ...range }) : t('dashboard.spread.chartLabel', { wave, count: groups.length, ...range })}
          testId={`chart-spread-${key}`}
          legend={
            <ChartLegend
              items={[
                { key: 'range', label: t('dashboard.spread.rangeLegend'), colour: '#9aa7b5', pattern: 'solid' as const },
                ...groups.map((g, i) => ({ key: g.groupId, label: scales[0]?.groups[i]?.label ?? '', colour: seriesStyle(i).colour, marker: seriesStyle(i).marker, markerOnly: true })),
              ]}
            />
          }
        >
          <ComposedChart width={760} height={members.length * 56 + 60} data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="#e1e6ec" />
            <XAxis type="number" domain={domain} ticks={rangeTicks(domain)} tick={AXIS} allowDataOverflow />
            <YAxis type="category" dataKey="label" width={230} tick={{ fill: '#1d2733', fontSize: 13 }} interval={0} />
            <Bar dataKey="range" barSize={10} fill="#c9d1db" isAnimationActive={false} />
            {groups.map((g, i) => (
              <Line
                key={g.groupId}
                dataKey={`g${i}`}
                stroke="none"
                dot={markerDot(seriesStyle(i).marker, seriesStyle(i).colour, 12, (i - (groups.length - 1) / 2) * Math.min(8, 32 / groups.length))}
                activeDot={false}
                isAnimationActive={false}
                legendType="none"
              />
            ))}
          </ComposedChart>
        </ChartFigure>
      );
    })
  ) : (
    <NoChart text={groups.length === 0 ? t('dashboard.spread.none', { min: d.minGroupSize }) : t('dashboard.noValues')} testId="no-chart-spread" />
  );
}

export function SpreadSection({ d, locale, texts }: { d: Dashboard; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  // Organisations too small to show two side by side: the spread by sector or size class instead.
  const fallback = d.spreadFallback ?? null;
  const [chosen, setWaveId] = useState<string | undefined>(undefined);
  const { waveId, scales, groups, wave, by } = useGroupView(d, fallback ?? d.organisations, chosen, locale);
  return (
    <Section id="dash-spread" title={t('dashboard.spread.title')} intro={<p>{t('dashboard.spread.intro', { min: d.minGroupSize })}</p>} testId="section-spread">
      {fallback && (
        <p className="message message-info" data-testid="spread-fallback">
          {fallback.groupBy === 'sizeClass' ? t('forWhom.spread.fallbackSizeClass', { min: d.minGroupSize }) : t('forWhom.spread.fallbackSector', { min: d.minGroupSize })}
        </p>
      )}
      <WaveSelect waves={d.waves} value={waveId} onChange={setWaveId} label={t('dashboard.showWave')} />
      <SpreadCharts d={d} locale={locale} waveId={waveId} />
      {groups.length > 0 && (
        <GroupTable
          scales={scales}
          caption={fallback ? t('forWhom.spread.caption', { by, wave }) : t('dashboard.spread.caption', { wave })}
          testId="spread-table"
          locale={locale}
          texts={texts}
          spreadColumn
        />
      )}
      {fallback ? (
        <HiddenGroups count={fallback.hiddenGroups} min={d.minGroupSize} kind="group" testId="hidden-spread-groups" />
      ) : (
        <HiddenGroups count={d.organisations.hiddenGroups} min={d.minGroupSize} kind="organisation" />
      )}
    </Section>
  );
}

// --- 6. Breakdown by the chosen group ------------------------------------------------------------------

/** The breakdown by the chosen group in one wave, one chart per score range: the charts of BreakdownSection, also drawn for reports. */
export function BreakdownCharts({ d, breakdown: sent, locale, waveId: chosen }: { d: Dashboard; breakdown: GroupBreakdown; locale: Locale; waveId?: string }) {
  const { t } = useTranslation();
  const { scales, groups, wave, by } = useGroupView(d, sent, chosen, locale);
  return groups.length > 0 && hasGroupValues(scales) ? (
    groupCharts(scales).map(({ key, range, members }) => {
      const rows = groupChartRows(members);
      const domain: [number, number] = [range.min, range.max];
      const height = Math.max(160, members.length * (groups.length * 16 + 24) + 60);
      return (
        <ChartFigure
          key={key}
          label={t('dashboard.breakdown.chartLabel', { by, wave, ...range })}
          testId={`chart-breakdown-${key}`}
          legend={<ChartLegend items={groups.map((g, i) => ({ key: g.groupId, label: scales[0]?.groups[i]?.label ?? '', colour: seriesStyle(i).colour, pattern: seriesStyle(i).pattern }))} />}
        >
          <BarChart width={760} height={height} data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <PatternDefs prefix={`bd-${key}`} count={groups.length} />
            <CartesianGrid horizontal={false} stroke="#e1e6ec" />
            <XAxis type="number" domain={domain} ticks={rangeTicks(domain)} tick={AXIS} allowDataOverflow />
            <YAxis type="category" dataKey="label" width={230} tick={{ fill: '#1d2733', fontSize: 13 }} interval={0} />
            {groups.map((g, i) => (
              <Bar key={g.groupId} dataKey={`g${i}`} fill={`url(#bd-${key}-${i})`} stroke={seriesStyle(i).colour} strokeWidth={1.5} barSize={14} isAnimationActive={false}>
                <LabelList dataKey={`g${i}`} position="right" fontSize={11} fill="#1d2733" formatter={(v: unknown) => (typeof v === 'number' ? formatNumber(v, locale) : '')} />
              </Bar>
            ))}
          </BarChart>
        </ChartFigure>
      );
    })
  ) : (
    <NoChart text={groups.length === 0 ? t('dashboard.breakdown.none', { min: d.minGroupSize }) : t('dashboard.noValues')} testId="no-chart-breakdown" />
  );
}

export function BreakdownSection({ d, breakdown: sent, locale, texts }: { d: Dashboard; breakdown: GroupBreakdown; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const [chosen, setWaveId] = useState<string | undefined>(undefined);
  const { waveId, scales, groups, wave, by } = useGroupView(d, sent, chosen, locale);
  return (
    <Section id="dash-breakdown" title={t('dashboard.breakdown.title', { by })} intro={<p>{t('dashboard.breakdown.intro', { min: d.minGroupSize })}</p>} testId="section-breakdown">
      <WaveSelect waves={d.waves} value={waveId} onChange={setWaveId} label={t('dashboard.showWave')} />
      <BreakdownCharts d={d} breakdown={sent} locale={locale} waveId={waveId} />
      {groups.length > 0 && (
        <GroupTable scales={scales} caption={t('dashboard.breakdown.caption', { by, wave })} testId="breakdown-table" locale={locale} texts={texts} spreadColumn={false} />
      )}
      <HiddenGroups count={sent.hiddenGroups} min={d.minGroupSize} kind="group" />
    </Section>
  );
}
