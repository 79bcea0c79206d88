import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comparison, Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { DifferenceCharts, DifferenceTable } from './ChangeSections';
import { NoChart, Section, WaveSelect } from './ChartParts';
import { indicatorChangeRows, waveLabelOf, type CellTexts } from './model';
import { detailIds, indicatorChangeStartWave } from './summary-text';

/**
 * The change of each statement from the baseline to one follow-up wave, largest rise first, as
 * diverging bars: the charts of IndicatorChangeSection, also drawn for reports, where `scaleId`
 * keeps one condition's statements.
 */
export function StatementChangeCharts({ d, c, locale, scaleId }: { d: Dashboard; c: Comparison; locale: Locale; scaleId?: string }) {
  const followUp = waveLabelOf(d.waves, c.followUpWaveId);
  const inScale = new Set(d.items.filter((it) => it.scaleId === scaleId).map((it) => it.itemId));
  const rows = indicatorChangeRows(d, c, locale).filter((r) => scaleId === undefined || inScale.has(r.id));
  const id = scaleId === undefined ? `${c.followUpWaveId}-items` : `${c.followUpWaveId}-items-${scaleId}`;
  return <DifferenceCharts rows={rows} baseline={d.waves[0]?.label ?? ''} followUp={followUp} id={id} locale={locale} />;
}

/**
 * *Verandering per uitspraak*: every statement's change over everyone since the baseline, from the
 * largest rise to the largest fall, with its interval and what it means; a change whose interval
 * excludes zero is marked ▲ or ▼ in the chart and in the table (and bold there), not by colour
 * alone. With several follow-up waves, one is shown at a time (the latest with results by default).
 */
export function IndicatorChangeSection({ d, locale, texts }: { d: Dashboard; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const followUps = d.comparisons.map((c) => c.followUpWaveId);
  const [chosen, setChosen] = useState(() => indicatorChangeStartWave(d));
  const c = d.comparisons.find((x) => x.followUpWaveId === chosen) ?? d.comparisons.at(-1);
  const baseline = d.waves[0]?.label ?? '';
  if (!c) {
    return (
      <Section id="dash-indicator-change" title={t('indicatorChange.title')} testId="section-indicator-change">
        <NoChart text={t('dashboard.change.needTwo')} testId="no-indicator-change" />
      </Section>
    );
  }
  const wave = c.followUpWaveId;
  const followUp = waveLabelOf(d.waves, wave);
  const rows = indicatorChangeRows(d, c, locale);
  return (
    <Section id="dash-indicator-change" title={t('indicatorChange.title')} intro={<p>{t('indicatorChange.intro', { baseline, followUp })}</p>} testId="section-indicator-change">
      <WaveSelect waves={d.waves.filter((w) => followUps.includes(w.waveId))} value={wave} onChange={setChosen} label={t('indicatorChange.showWave')} />
      <div className="per-wave" data-testid={`change-items-${wave}`}>
        <StatementChangeCharts d={d} c={c} locale={locale} />
        <DifferenceTable
          rows={rows}
          caption={t('indicatorChange.caption', { baseline, followUp })}
          baseline={baseline}
          followUp={followUp}
          testId={`change-${wave}-items`}
          locale={locale}
          texts={texts}
          last="verdict"
          rowId={(r) => detailIds.indicatorChange(wave, r.id)}
        />
      </div>
    </Section>
  );
}
