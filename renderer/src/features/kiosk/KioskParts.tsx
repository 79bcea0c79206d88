import { useEffect, useRef, type ReactNode } from 'react';
import { LanguageButtons } from '../../components/LanguageSwitch';
import type { Locale } from '../../../../shared/text';
import { useKioskT } from './kioskLocale';

/**
 * The h1 of a kiosk screen. It takes focus when the screen opens (unless something else should),
 * so keyboard and screen-reader users start at the top of the new screen.
 */
export function KioskTitle({ children, focus = true, testId }: { children: ReactNode; focus?: boolean; testId?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    // A new screen starts at the top, like a new page would.
    window.scrollTo(0, 0);
    ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="kiosk-title" data-testid={testId}>
      {children}
    </h1>
  );
}

/** NL/EN for the person at the screen only; the next person starts in Dutch again. */
export function KioskLanguageSwitch({ onChange }: { onChange: (locale: Locale) => void }) {
  const { t, locale } = useKioskT();
  return (
    <LanguageButtons
      label={t('kiosk.language')}
      current={locale}
      onChange={onChange}
      name={(lng) => t(`language.${lng}`, { lng })}
      className="language-switch kiosk-language"
      testIdPrefix="kiosk-language"
    />
  );
}

/** "Stap 3 van 9" with a progress bar; the bar is named by the text. */
export function KioskProgress({ current, total }: { current: number; total: number }) {
  const { t } = useKioskT();
  return (
    <div className="kiosk-progress" data-testid="kiosk-progress">
      <span id="kiosk-progress-label" data-testid="kiosk-progress-text">
        {t('kiosk.progress', { current, total })}
      </span>
      <progress aria-labelledby="kiosk-progress-label" max={total} value={current} />
    </div>
  );
}
