import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { DifferenceTable } from './ChangeSections';
import { Folded, NoChart, Section } from './ChartParts';
import { differenceRows, waveLabelOf, type CellTexts } from './model';

/** The statistics explained, in the order researchers meet them on this tab. */
const TERMS = ['overlapping', 'ci', 't', 'df', 'p', 'wilcoxon', 'dz', 'rankBiserial', 'welch', 'alpha'] as const;

/**
 * *Voor onderzoekers*, the first part: what each statistic means in a sentence, the notices about
 * the statistics, and the test of the comparison over everyone (t, df, p) behind the summary's
 * words, per condition and, folded away, per question. The paired and independent details and
 * Cronbach's alpha follow it (`StatsSection`, `AlphaSection`).
 */
export function ResearchSection({ d, locale, texts, notices }: { d: Dashboard; locale: Locale; texts: CellTexts; notices: string[] }) {
  const { t } = useTranslation();
  const baseline = d.waves[0]?.label ?? '';
  return (
    <Section id="dash-research" title={t('resultTabs.research')} intro={<p>{t('research.intro')}</p>} testId="section-research">
      {notices.length > 0 && (
        <div className="message message-info notices" data-testid="research-notices">
          <ul>
            {notices.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('research.glossaryTitle')}</h3>
      <dl className="glossary" data-testid="research-glossary">
        {TERMS.map((term) => (
          <div key={term}>
            <dt>{t(`research.terms.${term}.name`)}</dt>
            <dd>{t(`research.terms.${term}.text`)}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('research.testsTitle')}</h3>
      <p className="hint">{t('research.testsIntro')}</p>
      {d.comparisons.length === 0 ? (
        <NoChart text={t('dashboard.change.needTwo')} testId="no-tests" />
      ) : (
        d.comparisons.map((c) => {
          const followUp = waveLabelOf(d.waves, c.followUpWaveId);
          const itemRows = differenceRows(d, c, 'item', locale);
          const common = { baseline, followUp, locale, texts, last: 'test' as const };
          return (
            <div key={c.followUpWaveId} className="per-wave" data-testid={`tests-${c.followUpWaveId}`}>
              <DifferenceTable {...common} rows={differenceRows(d, c, 'scale', locale)} caption={t('research.testsCaption', { baseline, followUp })} testId={`tests-${c.followUpWaveId}-scales`} />
              {itemRows.length > 0 && (
                <Folded summary={t('research.testsPerItem')} testId={`tests-items-${c.followUpWaveId}`}>
                  <DifferenceTable {...common} rows={itemRows} caption={t('research.testsItemsCaption', { baseline, followUp })} testId={`tests-${c.followUpWaveId}-items`} />
                </Folded>
              )}
            </div>
          );
        })
      )}
    </Section>
  );
}
