import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/text';
import { ErrorAlert } from './Messages';

/** The twelve month names in a language, January first. */
function monthNames(locale: Locale): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2000, i, 1)));
}

/**
 * The birth month, asked only after the main process answered SELF_CODE_TAKEN: two people made
 * the same self-made code, and the month gives the second one a code of their own. It appears
 * with a sentence that explains why (a status, not an error: nobody made a mistake), and the focus
 * moves to the choice. `value` is '' or '1'…'12'.
 */
export function BirthMonthField({
  id,
  lng,
  label,
  why,
  value,
  onChange,
  error = null,
  labelHidden = false,
  selectClassName,
  onBlur,
  onKeyDown,
  testId = 'birth-month',
}: {
  id: string;
  /** The language of the person answering (the kiosk's respondent); the app's language when omitted. */
  lng?: Locale;
  label: string;
  why: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  /** In a table row the explanation names the question, so the label is for screen readers only. */
  labelHidden?: boolean;
  selectClassName?: string;
  onBlur?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLSelectElement>) => void;
  testId?: string;
}) {
  const { t, i18n } = useTranslation(undefined, { lng });
  const locale: Locale = (lng ?? i18n.language) === 'en' ? 'en' : 'nl';
  const months = useMemo(() => monthNames(locale), [locale]);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => select.current?.focus(), []);
  const whyId = `${id}-why`;
  const errorId = `${id}-error`;
  return (
    <div className="birth-month" data-testid={testId}>
      <p role="status" id={whyId} className="message message-info" data-testid={`${testId}-why`}>
        {why}
      </p>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select
        ref={select}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        className={selectClassName}
        autoComplete="off"
        aria-describedby={error ? `${whyId} ${errorId}` : whyId}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{t('common.choose')}</option>
        {months.map((name, i) => (
          <option key={name} value={i + 1}>
            {name}
          </option>
        ))}
      </select>
      <ErrorAlert message={error} id={errorId} testId={`${testId}-error`} />
    </div>
  );
}
