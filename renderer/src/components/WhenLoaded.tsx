import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loaded } from '../lib/useApiData';
import { ErrorAlert } from './Messages';

/**
 * Data a screen loads (useApiData): "Laden…" while it comes, the message when it fails, and once
 * it is there `children` with the data (or, for an empty list, the `empty` sentence).
 */
export function WhenLoaded<T>({
  loaded,
  children,
  loadingText,
  errorTestId,
  empty,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ReactNode;
  /** For a list: the sentence shown instead of `children` when it has nothing in it. */
  empty?: string;
  /** The loading sentence in another language than the UI's (the kiosk respondent's). */
  loadingText?: string;
  errorTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {loaded.status === 'loading' && <p>{loadingText ?? t('common.loading')}</p>}
      <ErrorAlert message={loaded.status === 'error' ? loaded.message : null} testId={errorTestId} />
      {loaded.status === 'ready' &&
        (empty !== undefined && Array.isArray(loaded.data) && loaded.data.length === 0 ? <p className="empty">{empty}</p> : children(loaded.data))}
    </>
  );
}
