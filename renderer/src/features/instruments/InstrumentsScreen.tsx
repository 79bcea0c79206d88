import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentSummary } from '../../../../shared/domain';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { Field } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale, localized } from '../../i18n';
import { readPickedText, takePickedFile } from '../../lib/pickedFile';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { InstrumentFileExport, InstrumentFileImport } from './InstrumentFiles';
import { ProblemAlert } from './ProblemAlert';
import { EditorButtons, type EditorStart } from '../instrument-editor/EditorButtons';

/** The contract refuses larger definitions; saying so before reading the file is friendlier. */
const MAX_FILE_BYTES = 1_000_000;

const refKey = (i: { instrumentId: string; version: number }) => `${i.instrumentId}-v${i.version}`;

/**
 * *Vragenlijsten*: the instruments in this database, their origin and whether a version is in use
 * (frozen), with import of a definition file the person picks and export of any version as JSON.
 */
export function InstrumentsScreen({ onBack, onEditor }: { onBack: () => void; onEditor: (start: EditorStart) => void }) {
  const { t } = useTranslation();
  const [instruments, reload] = useApiData('instruments-screen', () => api.listInstruments({}));
  const [justImported, setJustImported] = useState<string | null>(null);

  return (
    <>
      <BackButton label={t('nav.backToNetworks')} onClick={onBack} />
      <ScreenTitle title={t('instruments.title')}>{t('instruments.title')}</ScreenTitle>
      <p className="lead">{t('instruments.intro')}</p>
      <EditorButtons onEditor={onEditor} />

      <section aria-labelledby="instruments-about" className="panel instruments-about">
        <h2 id="instruments-about">{t('instruments.aboutTitle')}</h2>
        <p>{t('instruments.licensed')}</p>
        <p>{t('instruments.frozen')}</p>
      </section>

      <section aria-labelledby="instruments-list" className="panel">
        <h2 id="instruments-list">{t('instruments.listTitle')}</h2>
        <WhenLoaded loaded={instruments} empty={t('instruments.empty')}>
          {(list) => (
            <ul className="card-list" data-testid="instrument-list">
              {list.map((i) => (
                <InstrumentCard key={refKey(i)} instrument={i} isNew={justImported === refKey(i)} onEditor={onEditor} />
              ))}
            </ul>
          )}
        </WhenLoaded>
      </section>

      <InstrumentFileImport
        onImported={(summary) => {
          setJustImported(refKey(summary));
          reload();
        }}
      />

      <ImportPanel
        onImported={(summary) => {
          setJustImported(refKey(summary));
          reload();
        }}
      />
    </>
  );
}

function InstrumentCard({ instrument, isNew, onEditor }: { instrument: InstrumentSummary; isNew: boolean; onEditor: (start: EditorStart) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = localized(instrument.name, locale);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const { busy, error, run } = useAction();

  const exportDefinition = () =>
    run(async () => {
      setSavedTo(null);
      const outcome = await api.exportInstrument({ instrumentId: instrument.instrumentId, version: instrument.version });
      if (!outcome.cancelled) setSavedTo(outcome.filePath);
    });

  return (
    <li className={isNew ? 'card instrument-card instrument-new' : 'card instrument-card'} data-testid={`instrument-${refKey(instrument)}`}>
      <div className="card-body">
        <h3 className="card-title">{name}</h3>
        <p className="card-meta">
          <span data-testid="instrument-version">{t('instruments.version', { version: instrument.version })}</span>
          {' · '}
          <span data-testid="instrument-origin">{instrument.builtIn ? t('instruments.builtIn') : t('instruments.imported')}</span>
          {' · '}
          <span data-testid="instrument-frozen" className={instrument.frozen ? 'instrument-frozen' : undefined}>
            {instrument.frozen ? t('instruments.frozenStatus') : t('instruments.notUsed')}
          </span>
          {!instrument.languages.includes('en') && (
            <>
              {' · '}
              <span data-testid="instrument-dutch-only">{t('dutchOnly.marker')}</span>
            </>
          )}
          {isNew && (
            <>
              {' · '}
              <strong>{t('instruments.new')}</strong>
            </>
          )}
        </p>
        <details className="instrument-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('instruments.details')}</summary>
          {open && <InstrumentDetails instrumentId={instrument.instrumentId} version={instrument.version} />}
        </details>
      </div>
      <div className="card-actions">
        <EditorButtons instrument={instrument} onEditor={onEditor} />
        <div className="export">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void exportDefinition()}
            disabled={busy}
            aria-label={t('instruments.exportFor', { name, version: instrument.version })}
          >
            {busy ? t('instruments.exportBusy') : t('instruments.export')}
          </button>
          <StatusMessage testId={`instrument-export-status-${refKey(instrument)}`} message={savedTo ? t('instruments.exported', { filePath: savedTo }) : null} />
          <ErrorAlert message={error} />
        </div>
        <InstrumentFileExport instrument={instrument} testKey={refKey(instrument)} />
      </div>
    </li>
  );
}

function InstrumentDetails({ instrumentId, version }: { instrumentId: string; version: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [definition] = useApiData(`${instrumentId}@${version}`, () => api.getInstrument({ instrumentId, version }));
  return (
    <WhenLoaded loaded={definition}>
      {(def) => (
        <dl className="instrument-facts">
          <dt>{t('instruments.description')}</dt>
          <dd>{localized(def.description, locale)}</dd>
          <dt>{t('instruments.content')}</dt>
          <dd>{t('instruments.counts', { items: def.items.length, subscales: def.subscales.length })}</dd>
          <dt>{t('instruments.attribution')}</dt>
          <dd>{localized(def.attribution, locale)}</dd>
          <dt>{t('instruments.licence')}</dt>
          <dd>{localized(def.licence, locale)}</dd>
        </dl>
      )}
    </WhenLoaded>
  );
}

function ImportPanel({ onImported }: { onImported: (summary: InstrumentSummary) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const [imported, setImported] = useState<InstrumentSummary | null>(null);
  const { busy, error, run } = useAction();

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = takePickedFile(event);
    if (!file) return;
    void run(async () => {
      setImported(null);
      const text = await readPickedText(file, MAX_FILE_BYTES, { tooLarge: t('instruments.tooLarge'), readFailed: t('instruments.readFailed') });
      const summary = await api.importInstrument({ definitionJson: text });
      setImported(summary);
      onImported(summary);
    });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="panel" data-testid="instrument-import">
      <h2 id={`${id}-title`}>{t('instruments.importTitle')}</h2>
      <p>{t('instruments.importIntro')}</p>
      <Field id={`${id}-file`} label={t('instruments.importLabel')} hint={t('instruments.importHint')} hintId={`${id}-hint`}>
        <input
          id={`${id}-file`}
          type="file"
          className="file-input"
          accept=".json,application/json"
          onChange={choose}
          disabled={busy}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          data-testid="instrument-file"
        />
      </Field>
      {busy && <p>{t('instruments.importBusy')}</p>}
      <ProblemAlert message={error} id={`${id}-error`} testId="instrument-import-error" />
      <StatusMessage
        testId="instrument-import-status"
        message={imported ? t('instruments.importDone', { name: localized(imported.name, locale), version: imported.version }) : null}
      />
    </section>
  );
}
