import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { ChangeSection, StatsSection } from './ChangeSections';
import { GradeSection } from './GradeSection';
import { BreakdownSection, SpreadSection } from './GroupSections';
import { IndicatorChangeSection } from './IndicatorChangeSection';
import { DistributionSection } from './ItemSections';
import { LinkingSection } from './LinkingSection';
import { MultipleChoiceSection } from './MultipleChoiceSection';
import type { CellTexts } from './model';
import type { NoticeContext } from './notices';
import { OrganisationResponseSection } from './OrganisationResponseSection';
import { ResearchSection } from './ResearchSection';
import { AlphaSection, RadarSection, ResponseSection, TrendSection } from './ScoreSections';
import type { ResultsTab } from './summary-text';

export interface DetailPanelProps {
  tab: Exclude<ResultsTab, 'summary'>;
  d: Dashboard;
  locale: Locale;
  texts: CellTexts;
  noticeContext: NoticeContext;
  /** The notices about the statistics, for *Voor onderzoekers*. */
  research: string[];
  /** On the screen (not in the print view): say where the breakdown by group is chosen. */
  withHints: boolean;
}

/**
 * The sections of one detail tab of the results: everything with a chart. A chunk of its own
 * (with recharts), loaded by DashboardScreen after the summary is drawn, so the summary never
 * waits for the chart code.
 */
export function DetailPanel({ tab, d, locale, texts, noticeContext, research, withHints }: DetailPanelProps) {
  const { t } = useTranslation();
  switch (tab) {
    case 'conditions':
      return (
        <>
          <RadarSection d={d} locale={locale} texts={texts} />
          <TrendSection d={d} locale={locale} texts={texts} />
          <ChangeSection d={d} locale={locale} texts={texts} />
          <GradeSection d={d} locale={locale} texts={texts} />
        </>
      );
    case 'statements':
      return (
        <>
          <IndicatorChangeSection d={d} locale={locale} texts={texts} />
          <DistributionSection d={d} locale={locale} texts={texts} />
          <MultipleChoiceSection d={d} locale={locale} texts={texts} />
        </>
      );
    case 'groups':
      return (
        <>
          <SpreadSection d={d} locale={locale} texts={texts} />
          {d.breakdown ? (
            <BreakdownSection d={d} breakdown={d.breakdown} locale={locale} texts={texts} />
          ) : (
            withHints && (
              <p className="hint" data-testid="groups-hint">
                {t('filterBar.groupsHint')}
              </p>
            )
          )}
        </>
      );
    case 'response':
      return (
        <>
          <ResponseSection d={d} locale={locale} />
          <OrganisationResponseSection d={d} locale={locale} />
          <LinkingSection d={d} locale={locale} />
        </>
      );
    case 'research':
      return (
        <>
          <ResearchSection d={d} locale={locale} texts={texts} notices={research} />
          <StatsSection d={d} locale={locale} noticeContext={noticeContext} />
          <AlphaSection d={d} locale={locale} />
        </>
      );
  }
}
