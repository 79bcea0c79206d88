import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/LanguageSwitch';
import { lazyScreen, RouteBoundary } from './components/RouteLoader';
import { NetworksScreen } from './features/networks/NetworksScreen';
import { KioskGate } from './features/kiosk/KioskGate';
import { api, onStudyFileOpened } from './api';
import { useApiData } from './lib/useApiData';
import type { ResponseRecord } from '../../shared/domain';
import type { OpenedStudyFile } from '../../shared/contract';
import type { EditorStart } from './features/instrument-editor/EditorButtons';

/*
 * The networks screen (and the kiosk, when kiosk mode is on) is in the first file the window
 * loads; every other screen is loaded the first time it opens. Keep it that way: a static import
 * of a screen here, or of a chart file from the first screen, pulls recharts back into the start.
 * `npm run bench:bundle` shows what the first screen loads.
 */
const NetworkScreen = lazyScreen(() => import('./features/network/NetworkScreen').then((m) => m.NetworkScreen));
const InstrumentsScreen = lazyScreen(() => import('./features/instruments/InstrumentsScreen').then((m) => m.InstrumentsScreen));
const InstrumentEditorScreen = lazyScreen(() => import('./features/instrument-editor/InstrumentEditorScreen').then((m) => m.InstrumentEditorScreen));
const OverviewScreen = lazyScreen(() => import('./features/overview/OverviewScreen').then((m) => m.OverviewScreen));
const CodesScreen = lazyScreen(() => import('./features/network/codes/CodesScreen').then((m) => m.CodesScreen));
const SettingsScreen = lazyScreen(() => import('./features/network/settings/SettingsScreen').then((m) => m.SettingsScreen));
const PaperScreen = lazyScreen(() => import('./features/paper/PaperScreen').then((m) => m.PaperScreen));
const PaperFormScreen = lazyScreen(() => import('./features/paper/PaperFormScreen').then((m) => m.PaperFormScreen));
const ResponsesScreen = lazyScreen(() => import('./features/responses/ResponsesScreen').then((m) => m.ResponsesScreen));
const OccasionsScreen = lazyScreen(() => import('./features/occasions/OccasionsScreen').then((m) => m.OccasionsScreen));
const QuestionnaireScreen = lazyScreen(() => import('./features/questionnaire/QuestionnaireScreen').then((m) => m.QuestionnaireScreen));
const KioskSetupScreen = lazyScreen(() => import('./features/kiosk/KioskSetupScreen').then((m) => m.KioskSetupScreen));
const MeetingScreen = lazyScreen(() => import('./features/meeting/MeetingScreen').then((m) => m.MeetingScreen));
const DataScreen = lazyScreen(() => import('./features/data/DataScreen').then((m) => m.DataScreen));
const CompareScreen = lazyScreen(() => import('./features/dashboard/CompareScreen').then((m) => m.CompareScreen));
const ExportScreen = lazyScreen(() => import('./features/export/ExportScreen').then((m) => m.ExportScreen));
const ResultsPrintScreen = lazyScreen(() => import('./features/export/ResultsPrintScreen').then((m) => m.ResultsPrintScreen));
const DashboardScreen = lazyScreen(() => import('./features/dashboard/DashboardScreen').then((m) => m.DashboardScreen));
const LinkingScreen = lazyScreen(() => import('./features/linking/LinkingScreen').then((m) => m.LinkingScreen));
const ReportScreen = lazyScreen(() => import('./features/reports/ReportScreen').then((m) => m.ReportScreen));
const OpenAnswersScreen = lazyScreen(() => import('./features/open-answers/OpenAnswersScreen').then((m) => m.OpenAnswersScreen));

/** Navigation is plain state: the app has a handful of screens and no URLs to share. */
export type Screen =
  | { name: 'networks' }
  | { name: 'network'; networkId: string }
  | { name: 'questionnaire'; networkId: string; waveId: string; resume?: ResponseRecord }
  | { name: 'settings'; networkId: string }
  | { name: 'codes'; networkId: string }
  | { name: 'paper'; networkId: string; waveId: string }
  /** The printable paper questionnaire of a wave, opened from the network screen or from paper entry (`from`), where "Terug" goes. */
  | { name: 'paper-form'; networkId: string; waveId: string; from: 'network' | 'paper' }
  | { name: 'responses'; networkId: string; waveId: string }
  | { name: 'overview'; networkId: string; waveId: string }
  | { name: 'open-answers'; networkId: string; waveId: string }
  | { name: 'occasions'; networkId: string; waveId: string }
  | { name: 'instruments' }
  /** The questionnaire editor: a new one, a custom instrument's version, or a copy of any instrument. */
  | { name: 'instrument-editor'; start: EditorStart }
  | { name: 'data'; openedFile?: OpenedStudyFile }
  | { name: 'kiosk'; networkId: string; waveId: string }
  | { name: 'meeting'; networkId: string; waveId: string }
  | { name: 'results'; networkId: string }
  | { name: 'linking'; networkId: string }
  | { name: 'compare' }
  | { name: 'export'; networkId: string; waveIds?: string[] }
  | { name: 'results-print'; networkId: string }
  /** Word and PowerPoint reports of a network, opened from the network screen or its results (`from`), where "Terug" goes. */
  | { name: 'reports'; networkId: string; from: 'network' | 'results' };

/** Kiosk mode (afnamemodus) replaces the whole app, header and navigation included, while it is on. */
export function App() {
  return (
    <KioskGate>
      <ResearcherApp />
    </KioskGate>
  );
}

function ResearcherApp() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ name: 'networks' });
  const [info] = useApiData('app-info', () => api.getAppInfo({}));
  const toNetwork = (networkId: string) => setScreen({ name: 'network', networkId });
  // The questionnaire editor with unsaved changes asks before the header's way out leaves it.
  const editorUnsaved = useRef(false);
  const [leaveFor, setLeaveFor] = useState<Screen | null>(null);
  const toNetworks = () => (screen.name === 'instrument-editor' && editorUnsaved.current ? setLeaveFor({ name: 'networks' }) : setScreen({ name: 'networks' }));
  // A study file opened from outside the app (double-click) goes straight to its import preview.
  useEffect(() => onStudyFileOpened((openedFile) => setScreen({ name: 'data', openedFile })), []);
  // On a network's screen, its results screen's code is fetched ahead, so *Resultaten* opens without a loading frame.
  useEffect(() => {
    if (screen.name === 'network') void DashboardScreen.preload();
  }, [screen.name]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <button type="button" className="brand" onClick={toNetworks}>
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </button>
          <span className="tagline">{t('app.tagline')}</span>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main">
        <RouteBoundary key={screen.name}>
          {screen.name === 'networks' && (
            <NetworksScreen onOpen={toNetwork} onInstruments={() => setScreen({ name: 'instruments' })} onData={() => setScreen({ name: 'data' })} onCompare={() => setScreen({ name: 'compare' })} />
          )}
          {screen.name === 'compare' && <CompareScreen onBack={() => setScreen({ name: 'networks' })} />}
          {screen.name === 'results' && (
            <DashboardScreen
              networkId={screen.networkId}
              onBack={() => toNetwork(screen.networkId)}
              onLinking={() => setScreen({ name: 'linking', networkId: screen.networkId })}
              onReports={() => setScreen({ name: 'reports', networkId: screen.networkId, from: 'results' })}
            />
          )}
          {screen.name === 'reports' && (
            <ReportScreen
              networkId={screen.networkId}
              onBack={() => (screen.from === 'results' ? setScreen({ name: 'results', networkId: screen.networkId }) : toNetwork(screen.networkId))}
              backLabel={screen.from === 'results' ? t('reportScreen.backToResults') : undefined}
            />
          )}
          {screen.name === 'linking' && <LinkingScreen networkId={screen.networkId} onBack={() => toNetwork(screen.networkId)} />}
          {screen.name === 'export' && <ExportScreen networkId={screen.networkId} waveIds={screen.waveIds} onBack={() => toNetwork(screen.networkId)} />}
          {screen.name === 'results-print' && <ResultsPrintScreen networkId={screen.networkId} onBack={() => toNetwork(screen.networkId)} />}
          {screen.name === 'instruments' && (
            <InstrumentsScreen onBack={() => setScreen({ name: 'networks' })} onEditor={(start) => setScreen({ name: 'instrument-editor', start })} />
          )}
          {screen.name === 'instrument-editor' && (
            <InstrumentEditorScreen
              start={screen.start}
              onBack={() => setScreen({ name: 'instruments' })}
              onUnsavedChange={(unsaved) => (editorUnsaved.current = unsaved)}
              leaveRequest={leaveFor && { go: () => (setLeaveFor(null), setScreen(leaveFor)), cancel: () => setLeaveFor(null) }}
            />
          )}
          {screen.name === 'data' && <DataScreen key={screen.openedFile?.sequence} openedFile={screen.openedFile} onBack={() => setScreen({ name: 'networks' })} />}
          {screen.name === 'network' && (
            <NetworkScreen
              networkId={screen.networkId}
              onBack={() => setScreen({ name: 'networks' })}
              onFill={(waveId) => setScreen({ name: 'questionnaire', networkId: screen.networkId, waveId })}
              onOverview={(waveId) => setScreen({ name: 'overview', networkId: screen.networkId, waveId })}
              onSettings={() => setScreen({ name: 'settings', networkId: screen.networkId })}
              onCodes={() => setScreen({ name: 'codes', networkId: screen.networkId })}
              onPaper={(waveId) => setScreen({ name: 'paper', networkId: screen.networkId, waveId })}
              onPaperForm={(waveId) => setScreen({ name: 'paper-form', networkId: screen.networkId, waveId, from: 'network' })}
              onResponses={(waveId) => setScreen({ name: 'responses', networkId: screen.networkId, waveId })}
              onKiosk={(waveId) => setScreen({ name: 'kiosk', networkId: screen.networkId, waveId })}
              onMeeting={(waveId) => setScreen({ name: 'meeting', networkId: screen.networkId, waveId })}
              onResults={() => setScreen({ name: 'results', networkId: screen.networkId })}
              onExport={(waveIds) => setScreen({ name: 'export', networkId: screen.networkId, waveIds })}
              onResultsPrint={() => setScreen({ name: 'results-print', networkId: screen.networkId })}
              onReports={() => setScreen({ name: 'reports', networkId: screen.networkId, from: 'network' })}
              onLinking={() => setScreen({ name: 'linking', networkId: screen.networkId })}
              onOpenAnswers={(waveId) => setScreen({ name: 'open-answers', networkId: screen.networkId, waveId })}
              onOccasions={(waveId) => setScreen({ name: 'occasions', networkId: screen.networkId, waveId })}
            />
          )}
          {screen.name === 'occasions' && (
            <OccasionsScreen
              networkId={screen.networkId}
              waveId={screen.waveId}
              onBack={() => toNetwork(screen.networkId)}
              links={{
                onFill: (waveId) => setScreen({ name: 'questionnaire', networkId: screen.networkId, waveId }),
                onKiosk: (waveId) => setScreen({ name: 'kiosk', networkId: screen.networkId, waveId }),
                onMeeting: (waveId) => setScreen({ name: 'meeting', networkId: screen.networkId, waveId }),
                onPaper: (waveId) => setScreen({ name: 'paper', networkId: screen.networkId, waveId }),
                onResponses: (waveId) => setScreen({ name: 'responses', networkId: screen.networkId, waveId }),
              }}
            />
          )}
          {screen.name === 'questionnaire' && (
            <QuestionnaireScreen networkId={screen.networkId} waveId={screen.waveId} resume={screen.resume} onBack={() => toNetwork(screen.networkId)} />
          )}
          {screen.name === 'settings' && <SettingsScreen networkId={screen.networkId} onBack={() => toNetwork(screen.networkId)} />}
          {screen.name === 'codes' && (
            <CodesScreen
              networkId={screen.networkId}
              onBack={() => toNetwork(screen.networkId)}
              onSettings={() => setScreen({ name: 'settings', networkId: screen.networkId })}
            />
          )}
          {screen.name === 'paper' && (
            <PaperScreen
              networkId={screen.networkId}
              waveId={screen.waveId}
              onBack={() => toNetwork(screen.networkId)}
              onPaperForm={() => setScreen({ name: 'paper-form', networkId: screen.networkId, waveId: screen.waveId, from: 'paper' })}
            />
          )}
          {screen.name === 'paper-form' && (
            <PaperFormScreen
              networkId={screen.networkId}
              waveId={screen.waveId}
              onBack={() => (screen.from === 'paper' ? setScreen({ name: 'paper', networkId: screen.networkId, waveId: screen.waveId }) : toNetwork(screen.networkId))}
              backLabel={screen.from === 'paper' ? t('paperForm.backToEntry') : undefined}
            />
          )}
          {screen.name === 'responses' && (
            <ResponsesScreen
              networkId={screen.networkId}
              waveId={screen.waveId}
              onBack={() => toNetwork(screen.networkId)}
              onResume={(response) => setScreen({ name: 'questionnaire', networkId: screen.networkId, waveId: screen.waveId, resume: response })}
            />
          )}
          {screen.name === 'kiosk' && (
            <KioskSetupScreen networkId={screen.networkId} waveId={screen.waveId} onBack={() => toNetwork(screen.networkId)} />
          )}
          {screen.name === 'meeting' && <MeetingScreen networkId={screen.networkId} waveId={screen.waveId} onBack={() => toNetwork(screen.networkId)} />}
          {screen.name === 'overview' && (
            <OverviewScreen networkId={screen.networkId} waveId={screen.waveId} onBack={() => toNetwork(screen.networkId)} />
          )}
          {screen.name === 'open-answers' && <OpenAnswersScreen waveId={screen.waveId} onBack={() => toNetwork(screen.networkId)} />}
        </RouteBoundary>
      </main>
      <footer className="app-footer">
        {info.status === 'ready' && (
          <p>
            {t('app.version', { version: info.data.version })}
            {/* In kiosk mode the main process keeps the database's location to itself. */}
            {info.data.databasePath !== null && <> · {t('app.database', { path: info.data.databasePath })}</>}
          </p>
        )}
      </footer>
    </>
  );
}
