import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/text';
import { LOCALES } from '../i18n';

/**
 * NL/EN as two toggle buttons in a named group: the pressed one is the language in use. Each
 * button shows its short code and carries the language's full name for assistive technology.
 */
export function LanguageButtons({
  label,
  current,
  onChange,
  name,
  className,
  testIdPrefix,
}: {
  label: string;
  current: string;
  onChange: (locale: Locale) => void;
  name: (locale: Locale) => string;
  className: string;
  testIdPrefix: string;
}) {
  return (
    <div role="group" aria-label={label} className={className}>
      {LOCALES.map((lng) => (
        <button key={lng} type="button" lang={lng} aria-pressed={current === lng} onClick={() => onChange(lng)} data-testid={`${testIdPrefix}-${lng}`}>
          <span aria-hidden="true">{lng.toUpperCase()}</span>
          <span className="visually-hidden">{name(lng)}</span>
        </button>
      ))}
    </div>
  );
}

/** The researcher's UI language, remembered on this machine. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <LanguageButtons
      label={t('language.label')}
      current={i18n.language}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      name={(lng) => t(`language.${lng}`)}
      className="language-switch"
      testIdPrefix="language"
    />
  );
}
