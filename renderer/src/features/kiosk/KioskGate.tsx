import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { KioskSession, KioskState } from '../../../../shared/domain';
import { api } from '../../api';
import { KioskApp } from './KioskApp';

type GateState = { status: 'loading' } | { status: 'off' } | { status: 'on'; session: KioskSession };

const EnterKiosk = createContext<(state: KioskState) => void>(() => undefined);

/** For the researcher's screens: switch the window to kiosk mode after startKiosk succeeded. */
export function useEnterKiosk(): (state: KioskState) => void {
  return useContext(EnterKiosk);
}

/**
 * Decides, before anything else is shown, whether the app is in kiosk mode. The session lives in
 * the database, so after a reload or a restart kiosk mode comes back at once and the researcher's
 * screens never flash by.
 */
export function KioskGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    api.getKioskState({}).then(
      (kiosk) => current && setState(kiosk.session ? { status: 'on', session: kiosk.session } : { status: 'off' }),
      // Without an answer the researcher's screens show their own error.
      () => current && setState({ status: 'off' }),
    );
    return () => {
      current = false;
    };
  }, []);

  const enter = useCallback((kiosk: KioskState) => setState(kiosk.session ? { status: 'on', session: kiosk.session } : { status: 'off' }), []);
  const exit = useCallback(() => setState({ status: 'off' }), []);

  if (state.status === 'loading') return null;
  if (state.status === 'on') return <KioskApp key={state.session.startedAt} initial={state.session} onExited={exit} />;
  return <EnterKiosk.Provider value={enter}>{children}</EnterKiosk.Provider>;
}
