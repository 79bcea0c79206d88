import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/results';
import { practicalDifference, summarize } from '../../../../shared/results-summary';
import type { Locale } from '../../../../shared/text';
import { formatNumber } from './format';
import { useTranslate } from './hooks';
import { rangeTexts, reverseKeyed } from './model';
import { conditionLine, highlightLines, overallLine, responseLines, VERDICT_MARK, type DetailTarget, type SummaryLine } from './summary-text';

/**
 * *Samenvatting*: the coordinator's question first. One sentence on the whole (how many conditions
 * rose, stayed, fell), then a line per condition, what stands out (strongest, weakest, biggest rise
 * and fall, the rapportcijfer) and who took part. Each line gives its numbers and, with `goTo`, a
 * link to the row in the details that holds them.
 */
export function SummarySection({ d, locale, goTo }: { d: Dashboard; locale: Locale; goTo?: (target: DetailTarget) => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const s = summarize(d);
  const wave = (id: string | null) => d.waves.find((w) => w.waveId === id)?.label ?? '';
  const withChange = s.conditions.some((c) => c.change !== null);
  const title =
    withChange && s.baselineWaveId && s.latestWaveId ? t('summary.titleChange', { baseline: wave(s.baselineWaveId), latest: wave(s.latestWaveId) }) : t('summary.titleOne', { wave: wave(s.latestWaveId) });
  const overall = overallLine(s, translate);
  const highlights = highlightLines(s, d, translate, locale);
  const response = responseLines(s, d, translate, locale);
  const ranges = rangeTexts(d.scales, locale)
    .map((r) => (r.minLabel !== null && r.maxLabel !== null ? t('dashboard.rangeLabelled', { ...r, minLabel: r.minLabel.toLowerCase(), maxLabel: r.maxLabel.toLowerCase() }) : t('dashboard.rangePlain', { min: r.min, max: r.max })))
    .join('; ');
  const reversed = reverseKeyed(d, locale);
  const firstRange = d.scales[0]?.range;
  return (
    <section className="panel dashboard-section summary-section" aria-labelledby="dash-summary" data-testid="section-summary">
      <h2 id="dash-summary">{title}</h2>
      {overall ? (
        <p className="summary-overall" data-testid="summary-overall">
          {overall}
        </p>
      ) : (
        <p className="summary-overall" data-testid="summary-single">
          {t('summary.single', { wave: wave(s.latestWaveId) })}
        </p>
      )}
      <h3>{t('summary.headingConditions')}</h3>
      <SummaryList lines={s.conditions.map((c) => conditionLine(c, d, translate, locale))} testId="summary-conditions" goTo={goTo} />
      {highlights.length > 0 && (
        <>
          <h3>{t('summary.headingHighlights')}</h3>
          <SummaryList lines={highlights} testId="summary-highlights" goTo={goTo} />
        </>
      )}
      <h3>{t('summary.headingResponse')}</h3>
      <SummaryList lines={response} testId="summary-response" goTo={goTo} />
      <p className="lead summary-scale">{t('dashboard.intro', { min: d.minGroupSize, ranges })}</p>
      {reversed.length > 0 && (
        <p className="hint" data-testid="dashboard-reverse">
          {t('dashboard.reverse.intro', { items: reversed.map((r) => r.label).join(', ') })}
        </p>
      )}
      {withChange && firstRange && (
        <p className="hint" data-testid="summary-how-to-read">
          {t('summary.howToRead', { threshold: formatNumber(practicalDifference(firstRange), locale), min: firstRange.min, max: firstRange.max })}
        </p>
      )}
    </section>
  );
}

function SummaryList({ lines, testId, goTo }: { lines: SummaryLine[]; testId: string; goTo?: (target: DetailTarget) => void }) {
  return (
    <ul className="summary-list" data-testid={testId}>
      {lines.map((line) => (
        <li key={line.key} data-testid={`${testId}-${line.key}`} className={line.verdict ? `verdict-${line.verdict}` : undefined}>
          <span className="summary-mark" aria-hidden="true">
            {line.verdict ? VERDICT_MARK[line.verdict] : '•'}
          </span>
          <span className="summary-text">
            {line.subject && line.text.startsWith(`${line.subject}:`) ? (
              <>
                <strong>{line.subject}</strong>
                {line.text.slice(line.subject.length)}
              </>
            ) : (
              line.text
            )}
            {goTo && line.target && <DetailLink target={line.target} subject={line.subject} goTo={goTo} />}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "bekijk": opens the tab with the row a sentence rests on, named for what it shows. */
export function DetailLink({ target, subject, goTo }: { target: DetailTarget; subject: string; goTo: (target: DetailTarget) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {' '}
      <button type="button" className="link-button detail-link" onClick={() => goTo(target)} aria-label={t('summary.detailsNamed', { subject, tab: t(`resultTabs.${target.tab}`) })}>
        {t('summary.details')}
      </button>
    </>
  );
}
