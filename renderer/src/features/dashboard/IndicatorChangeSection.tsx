import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comparison, Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { DifferenceCharts, DifferenceTable } from './ChangeSections';
import { NoChart, Section, WaveSelect } from './ChartParts';
import { indicatorChangeRows, waveLabelOf, type CellTexts } from './model';
import { useInPrint } from './printLayout';
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
 * alone. With several follow-up waves, one is shown at a time on screen (the latest with results by
 * default); the print view shows each follow-up wave under its own heading.
 */
export function IndicatorChangeSection({ d, locale, texts }: { d: Dashboard; locale: Locale; texts: CellTexts }) {
  const { t } = useTranslation();
  const inPrint = useInPrint();
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
  if (inPrint && d.comparisons.length > 1) {
    return (
      <Section id="dash-indicator-change" title={t('indicatorChange.title')} intro={<p>{t('printView.indicatorChangeIntro', { baseline })}</p>} testId="section-indicator-change">
        {d.comparisons.map((x) => (
          <IndicatorChangeForWave key={x.followUpWaveId} d={d} c={x} locale={locale} texts={texts} titled />
        ))}
      </Section>
    );
  }
  return (
    <Section
      id="dash-indicator-change"
      title={t('indicatorChange.title')}
      intro={<p>{t('indicatorChange.intro', { baseline, followUp: waveLabelOf(d.waves, c.followUpWaveId) })}</p>}
      testId="section-indicator-change"
    >
      <WaveSelect waves={d.waves.filter((w) => followUps.includes(w.waveId))} value={c.followUpWaveId} onChange={setChosen} label={t('indicatorChange.showWave')} />
      <IndicatorChangeForWave d={d} c={c} locale={locale} texts={texts} titled={false} />
    </Section>
  );
}

/** One follow-up wave's change per statement: the chart and the table, under a heading naming the waves when `titled`. */
function IndicatorChangeForWave({ d, c, locale, texts, titled }: { d: Dashboard; c: Comparison; locale: Locale; texts: CellTexts; titled: boolean }) {
  const { t } = useTranslation();
  const wave = c.followUpWaveId;
  const baseline = d.waves[0]?.label ?? '';
  const followUp = waveLabelOf(d.waves, wave);
  const rows = indicatorChangeRows(d, c, locale);
  return (
    <div className="per-wave" data-testid={`change-items-${wave}`}>
      {titled && <h3>{t('dashboard.change.subtitle', { baseline, followUp })}</h3>}
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
  );
}
