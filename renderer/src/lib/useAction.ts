import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from './errors';

/** What an action does; a sentence it returns is shown as its confirmation (`status`). */
export type Action = () => Promise<string | void>;

/**
 * One user action that calls the API: `busy` while it runs, `error` with the Dutch sentence when
 * it fails (the main process's message, or the generic one for anything unexpected), `status`
 * with the confirmation the action returned. Each run starts with neither error nor status.
 * `submit(action)` is a form's onSubmit: the page does not reload, the action runs.
 */
export function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const run = useCallback(
    async (action: Action) => {
      setBusy(true);
      setError(null);
      setStatus(null);
      try {
        const confirmation = await action();
        if (typeof confirmation === 'string') setStatus(confirmation);
      } catch (err) {
        setError(messageOf(err, t('errors.unexpected')));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  const submit = useCallback(
    (action: Action) => (event: FormEvent) => {
      event.preventDefault();
      void run(action);
    },
    [run],
  );
  return { busy, error, status, run, submit };
}
