import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RESULTS_TABS, type DetailTarget, type ResultsTab } from './summary-text';

/** Which tab is open, and a way to open a tab at one element of it (a row the summary points to). */
export interface ResultsNavigation {
  tab: ResultsTab;
  setTab: (tab: ResultsTab) => void;
  goTo: (target: DetailTarget) => void;
}

/**
 * The open tab of the results. Kept above the dashboard's loading, so changing a filter keeps the
 * tab. `goTo` opens a tab and then scrolls to the element with the target's id and gives it focus
 * (a keyboard user lands where the link pointed).
 */
export function useResultsNavigation(): ResultsNavigation {
  const [state, setState] = useState<{ tab: ResultsTab; target: string | null; seq: number }>({ tab: 'summary', target: null, seq: 0 });
  useEffect(() => {
    if (state.target === null) return;
    const el = document.getElementById(state.target);
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [state]);
  return {
    tab: state.tab,
    setTab: (tab) => setState((s) => ({ tab, target: null, seq: s.seq + 1 })),
    goTo: (target) => setState((s) => ({ tab: target.tab, target: target.id, seq: s.seq + 1 })),
  };
}

/**
 * The WAI-ARIA tabs pattern: a tablist of buttons (arrow keys move between them and open the
 * tab, Home and End go to the first and last), and one tabpanel. Only the open panel is drawn;
 * the others exist, empty and hidden, so every tab's aria-controls names an element.
 */
export function ResultTabs({ nav, children }: { nav: ResultsNavigation; children: (tab: ResultsTab) => ReactNode }) {
  const { t } = useTranslation();
  const prefix = useId().replace(/:/g, '');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const open = (index: number) => {
    const tab = RESULTS_TABS[(index + RESULTS_TABS.length) % RESULTS_TABS.length]!;
    nav.setTab(tab);
    buttons.current[RESULTS_TABS.indexOf(tab)]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: RESULTS_TABS.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    open(moves[e.key]!);
  };
  return (
    <div className="result-tabs">
      <div role="tablist" aria-label={t('resultTabs.label')} className="tablist" data-testid="result-tabs">
        {RESULTS_TABS.map((tab, i) => (
          <button
            key={tab}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${prefix}-tab-${tab}`}
            aria-selected={nav.tab === tab}
            aria-controls={`${prefix}-panel-${tab}`}
            tabIndex={nav.tab === tab ? 0 : -1}
            className="tab"
            onClick={() => nav.setTab(tab)}
            onKeyDown={(e) => onKeyDown(e, i)}
            data-testid={`tab-${tab}`}
          >
            {t(`resultTabs.${tab}`)}
          </button>
        ))}
      </div>
      {RESULTS_TABS.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={`${prefix}-panel-${tab}`}
          aria-labelledby={`${prefix}-tab-${tab}`}
          hidden={nav.tab !== tab}
          tabIndex={nav.tab === tab ? 0 : undefined}
          className="tabpanel"
          data-testid={nav.tab === tab ? 'tabpanel' : undefined}
        >
          {nav.tab === tab ? children(tab) : null}
        </div>
      ))}
    </div>
  );
}
