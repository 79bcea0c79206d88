import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from './errors';

/**
 * One user action that calls the API: `busy` while it runs, `error` with the Dutch sentence when
 * it fails (the main process's message, or the generic one for anything unexpected).
 */
export function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (err) {
        setError(messageOf(err, t('errors.unexpected')));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, run };
}
