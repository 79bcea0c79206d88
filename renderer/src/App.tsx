import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/LanguageSwitch';
import { NetworkScreen } from './features/network/NetworkScreen';
import { NetworksScreen } from './features/networks/NetworksScreen';
import { OverviewScreen } from './features/overview/OverviewScreen';
import { QuestionnaireScreen } from './features/questionnaire/QuestionnaireScreen';
import { api } from './api';
import { useApiData } from './lib/useApiData';

/** Navigation is plain state: the app has a handful of screens and no URLs to share. */
export type Screen =
  | { name: 'networks' }
  | { name: 'network'; networkId: string }
  | { name: 'questionnaire'; networkId: string; waveId: string }
  | { name: 'overview'; networkId: string; waveId: string };

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: 'networks' });
  const [info] = useApiData('app-info', () => api.getAppInfo({}));
  const toNetwork = (networkId: string) => setScreen({ name: 'network', networkId });

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <button type="button" className="brand" onClick={() => setScreen({ name: 'networks' })}>
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </button>
          <span className="tagline">{t('app.tagline')}</span>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main">
        {screen.name === 'networks' && <NetworksScreen onOpen={toNetwork} />}
        {screen.name === 'network' && (
          <NetworkScreen
            networkId={screen.networkId}
            onBack={() => setScreen({ name: 'networks' })}
            onFill={(waveId) => setScreen({ name: 'questionnaire', networkId: screen.networkId, waveId })}
            onOverview={(waveId) => setScreen({ name: 'overview', networkId: screen.networkId, waveId })}
          />
        )}
        {screen.name === 'questionnaire' && (
          <QuestionnaireScreen networkId={screen.networkId} waveId={screen.waveId} onBack={() => toNetwork(screen.networkId)} />
        )}
        {screen.name === 'overview' && (
          <OverviewScreen networkId={screen.networkId} waveId={screen.waveId} onBack={() => toNetwork(screen.networkId)} />
        )}
      </main>
      <footer className="app-footer">
        {info.status === 'ready' && (
          <p>
            {t('app.version', { version: info.data.version })} · {t('app.database', { path: info.data.databasePath })}
          </p>
        )}
      </footer>
    </>
  );
}
