import { useTranslation } from 'react-i18next';
import type { CellTexts } from './model';
import type { Translate } from './notices';

/** `t` for keys built at run time (notice codes); the typed `t` only accepts literal keys. */
export function useTranslate(): Translate {
  const { t } = useTranslation();
  return (key, params) => String(t(key as never, params as never));
}

/** The sentences for values a table cannot show. */
export function useCellTexts(minGroupSize: number): CellTexts {
  const { t } = useTranslation();
  return { suppressed: t('dashboard.suppressed', { min: minGroupSize }), noAnswers: t('dashboard.noAnswers') };
}
