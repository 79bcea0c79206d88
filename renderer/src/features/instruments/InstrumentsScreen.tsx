import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentSummary } from '../../../../shared/domain';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale, localized } from '../../i18n';
import { useApiData } from '../../lib/useApiData';
import { InstrumentFileExport, InstrumentFileImport } from './InstrumentFiles';
import { EditorButtons, type EditorStart } from '../instrument-editor/EditorButtons';

const refKey = (i: { instrumentId: string; version: number }) => `${i.instrumentId}-v${i.version}`;

/**
 * *Vragenlijsten*: the instruments in this database, their origin and whether a version is in use
 * (frozen), with import of an instrument file the person picks (JSON, spreadsheet or REDCap data
 * dictionary) and export of any version in each of those formats.
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
    </>
  );
}

function InstrumentCard({ instrument, isNew, onEditor }: { instrument: InstrumentSummary; isNew: boolean; onEditor: (start: EditorStart) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = localized(instrument.name, locale);
  const [open, setOpen] = useState(false);

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
      <div className="card-actions instrument-card-actions">
        <EditorButtons instrument={instrument} onEditor={onEditor} />
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
