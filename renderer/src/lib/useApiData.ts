import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from './errors';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T };

/**
 * Loads data for a screen and reloads it on demand (after a form adds something). `key` names
 * what is loaded (an id); a new key starts a fresh load. Late answers of an older load are dropped.
 */
export function useApiData<T>(key: string, load: () => Promise<T>): [Loaded<T>, () => void] {
  const { t } = useTranslation();
  const [state, setState] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: { status: 'loading' } });
  const [version, setVersion] = useState(0);
  const run = useEffectEvent(load);
  const fallback = useEffectEvent(() => t('errors.unexpected'));

  useEffect(() => {
    let current = true;
    run().then(
      (data) => current && setState({ key, loaded: { status: 'ready', data } }),
      (err: unknown) => current && setState({ key, loaded: { status: 'error', message: messageOf(err, fallback()) } }),
    );
    return () => {
      current = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // Until the first answer for a new key arrives, show loading rather than the old key's data.
  return [state.key === key ? state.loaded : { status: 'loading' }, reload];
}
