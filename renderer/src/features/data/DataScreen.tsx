import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedStudyFile } from '../../../../shared/contract';
import type { DataSettings } from '../../../../shared/study';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { AuditScreen } from './AuditScreen';
import { BackupsScreen } from './BackupsScreen';
import { ErasureScreen } from './ErasureScreen';
import { MergeScreen } from './MergeScreen';
import { StudyExportPanel } from './StudyExportPanel';

export type DataSection = 'home' | 'backups' | 'merge' | 'audit' | 'erasure';

/**
 * *Gegevens en reservekopieën*: this laptop's settings for the audit log and backups, exporting a
 * study file, and the way to the screens for backups and restore, merging a study file, the audit
 * log and erasure. Sub-screens are local state, so App.tsx needs one entry only. `openedFile`: a
 * study file opened from outside the app; the screen starts at its import preview, once.
 */
export function DataScreen({ onBack, initial = 'home', openedFile }: { onBack: () => void; initial?: DataSection; openedFile?: OpenedStudyFile }) {
  const { t } = useTranslation();
  const [section, setSection] = useState<DataSection>(openedFile ? 'merge' : initial);
  const [opened, setOpened] = useState(openedFile);
  const home = () => {
    setOpened(undefined);
    setSection('home');
  };
  if (section === 'backups') return <BackupsScreen onBack={home} />;
  if (section === 'merge') return <MergeScreen onBack={home} openedFile={opened} />;
  if (section === 'audit') return <AuditScreen onBack={home} />;
  if (section === 'erasure') return <ErasureScreen onBack={home} />;

  const links: { section: DataSection; label: string; text: string }[] = [
    { section: 'backups', label: t('data.nav.backups'), text: t('data.nav.backupsText') },
    { section: 'merge', label: t('data.nav.merge'), text: t('data.nav.mergeText') },
    { section: 'audit', label: t('data.nav.audit'), text: t('data.nav.auditText') },
    { section: 'erasure', label: t('data.nav.erasure'), text: t('data.nav.erasureText') },
  ];
  return (
    <>
      <BackButton label={t('nav.backToNetworks')} onClick={onBack} />
      <ScreenTitle title={t('data.title')}>{t('data.title')}</ScreenTitle>
      <p className="lead">{t('data.intro')}</p>
      <ul className="card-list data-links">
        {links.map((link) => (
          <li key={link.section} className="card">
            <div className="card-body">
              <p className="card-text">{link.text}</p>
            </div>
            <button type="button" className="button button-secondary" onClick={() => setSection(link.section)} data-testid={`data-open-${link.section}`}>
              {link.label}
            </button>
          </li>
        ))}
      </ul>
      <StudyExportPanel />
      <SettingsPanel />
    </>
  );
}

function SettingsPanel() {
  const { t } = useTranslation();
  const [settings, reload] = useApiData('data-settings', () => api.getDataSettings({}));
  return (
    <section aria-labelledby="data-settings-title" className="panel">
      <h2 id="data-settings-title">{t('data.settings.title')}</h2>
      {settings.status === 'loading' && <p>{t('common.loading')}</p>}
      <ErrorAlert message={settings.status === 'error' ? settings.message : null} />
      {settings.status === 'ready' && <SettingsForm settings={settings.data} onSaved={reload} />}
    </section>
  );
}

function SettingsForm({ settings, onSaved }: { settings: DataSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(settings.researcherName ?? '');
  const [keep, setKeep] = useState(String(settings.backupKeep));
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    return run(async () => {
      // An empty or non-numeric count goes as NaN's stand-in 0, which the main process refuses in Dutch.
      const backupKeep = Number.parseInt(keep, 10);
      await api.updateDataSettings({ researcherName: name.trim() === '' ? null : name, backupKeep: Number.isNaN(backupKeep) ? 0 : backupKeep });
      setSaved(true);
      onSaved();
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="data-settings-form">
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('data.settings.researcherName')}</label>
          <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="name" aria-describedby={`${id}-name-hint`} />
          <p id={`${id}-name-hint`} className="hint">
            {t('data.settings.researcherHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-keep`}>{t('data.settings.backupKeep')}</label>
          <input
            id={`${id}-keep`}
            type="text"
            inputMode="numeric"
            value={keep}
            onChange={(e) => setKeep(e.target.value)}
            aria-describedby={`${id}-keep-hint`}
            aria-invalid={error ? true : undefined}
          />
          <p id={`${id}-keep-hint`} className="hint">
            {t('data.settings.backupKeepHint')}
          </p>
        </div>
      </div>
      <p className="hint">{t('data.settings.device', { deviceId: settings.deviceId })}</p>
      <ErrorAlert message={error} testId="data-settings-error" />
      <StatusMessage message={saved ? t('data.settings.saved') : null} testId="data-settings-status" />
      <button type="submit" className="button" disabled={busy}>
        {t('data.settings.save')}
      </button>
    </form>
  );
}
