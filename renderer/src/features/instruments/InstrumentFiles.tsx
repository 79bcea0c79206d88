import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import type { InstrumentSummary } from '../../../../shared/domain';
import type { InstrumentFileFormat } from '../../../../shared/instruments/formats/files';
import { api } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { currentLocale, localized } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { ProblemAlert } from './ProblemAlert';

/**
 * Instruments as files: *Importeren* lets the main process ask for a JSON definition, an
 * XLSForm-like spreadsheet (.xlsx) or a REDCap data dictionary (.csv), shows what it read (what was
 * taken over, what left out and why) and stores it only on *Importeren bevestigen*;
 * `InstrumentFileExport` saves one version as JSON, a spreadsheet or a REDCap data dictionary.
 */

type Preview = Extract<Output<'chooseInstrumentFile'>, { cancelled: false }>;

export function InstrumentFileImport({ onImported }: { onImported: (summary: InstrumentSummary) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const [preview, setPreview] = useState<Preview | null>(null);
  const { busy, error, status, run } = useAction();

  const choose = () =>
    run(async () => {
      setPreview(null);
      const chosen = await api.chooseInstrumentFile({});
      if (!chosen.cancelled) setPreview(chosen);
    });

  const confirm = (held: Preview) =>
    run(async () => {
      const summary = await api.importInstrumentFile({ previewId: held.previewId });
      setPreview(null);
      onImported(summary);
      return t('instrumentFiles.imported', { name: localized(summary.name, locale), version: summary.version });
    });

  return (
    <section aria-labelledby={`${id}-title`} className="panel" data-testid="instrument-file-import">
      <h2 id={`${id}-title`}>{t('instrumentFiles.title')}</h2>
      <p>{t('instrumentFiles.intro')}</p>
      <ul>
        <li>{t('instrumentFiles.kindJson')}</li>
        <li>{t('instrumentFiles.kindXlsx')}</li>
        <li>{t('instrumentFiles.kindRedcap')}</li>
      </ul>
      <p>
        <button type="button" className="button" onClick={() => void choose()} disabled={busy}>
          {busy && !preview ? t('instrumentFiles.reading') : t('instrumentFiles.choose')}
        </button>
      </p>
      <ProblemAlert message={error} id={`${id}-error`} testId="instrument-file-error" />
      <StatusMessage testId="instrument-file-status" message={status} />
      {preview && <PreviewPanel preview={preview} busy={busy} onConfirm={() => void confirm(preview)} onCancel={() => setPreview(null)} />}
    </section>
  );
}

function PreviewPanel({ preview, busy, onConfirm, onCancel }: { preview: Preview; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const name = localized(preview.name, locale);
  return (
    <section aria-labelledby={`${id}-title`} className="instrument-file-preview" data-testid="instrument-file-preview">
      <h3 id={`${id}-title`}>{t('instrumentFiles.previewTitle', { file: preview.fileName })}</h3>
      <dl className="instrument-facts">
        <dt>{t('instrumentFiles.format')}</dt>
        <dd>{t(`instrumentFiles.formats.${preview.format}`)}</dd>
        <dt>{t('instrumentFiles.name')}</dt>
        <dd>{t('instrumentFiles.nameVersion', { name, id: preview.instrumentId, version: preview.version })}</dd>
        <dt>{t('instrumentFiles.languages')}</dt>
        <dd>{preview.languages.includes('en') ? t('instrumentFiles.bilingual') : t('instrumentFiles.dutchOnly')}</dd>
        <dt>{t('instrumentFiles.content')}</dt>
        <dd>{t('instrumentFiles.counts', { items: preview.items, sections: preview.sections, subscales: preview.subscales })}</dd>
      </dl>
      <h4>{t('instrumentFiles.leftOutTitle', { count: preview.leftOut.length })}</h4>
      {preview.leftOut.length === 0 ? (
        <p>{t('instrumentFiles.nothingLeftOut')}</p>
      ) : (
        <ul data-testid="instrument-file-left-out">
          {preview.leftOut.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {preview.mapped.length > 0 && (
        <details>
          <summary>{t('instrumentFiles.mappedTitle', { count: preview.mapped.length })}</summary>
          <ul data-testid="instrument-file-mapped">
            {preview.mapped.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {preview.existing === 'same' && <p className="message" data-testid="instrument-file-existing">{t('instrumentFiles.existingSame', { name, version: preview.version })}</p>}
      {preview.existing === 'different' && <p className="message message-error" data-testid="instrument-file-existing">{t('instrumentFiles.existingDifferent', { name, version: preview.version })}</p>}
      <p className="actions">
        {preview.existing === 'none' && (
          <button type="button" className="button" onClick={onConfirm} disabled={busy}>
            {t('instrumentFiles.confirm')}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('instrumentFiles.cancel')}
        </button>
      </p>
    </section>
  );
}

const EXPORT_FORMATS: InstrumentFileFormat[] = ['json', 'xlsx', 'redcap'];

/**
 * *Exporteren als:* JSON, spreadsheet or REDCap data dictionary for one stored version, as one group
 * of compact buttons whose accessible names say which instrument and version; the main process asks where.
 */
export function InstrumentFileExport({ instrument, testKey }: { instrument: InstrumentSummary; testKey: string }) {
  const { t } = useTranslation();
  const id = useId();
  const name = localized(instrument.name, currentLocale());
  const { busy, error, status, run } = useAction();
  const save = (format: InstrumentFileFormat) =>
    run(async () => {
      const outcome = await api.exportInstrumentFile({ instrumentId: instrument.instrumentId, version: instrument.version, format });
      return outcome.cancelled ? undefined : t('instrumentFiles.exported', { filePath: outcome.filePath });
    });
  return (
    <div className="export instrument-file-export">
      <div role="group" aria-labelledby={`${id}-label`} className="instrument-export-buttons">
        <span id={`${id}-label`} className="instrument-export-label">
          {t('instrumentFiles.exportAs.label')}
        </span>
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button button-secondary button-compact"
            onClick={() => void save(format)}
            disabled={busy}
            aria-label={t(`instrumentFiles.exportFor.${format}`, { name, version: instrument.version })}
          >
            {t(`instrumentFiles.exportAs.${format}`)}
          </button>
        ))}
      </div>
      <StatusMessage testId={`instrument-file-export-status-${testKey}`} message={status} />
      <ErrorAlert message={error} />
    </div>
  );
}
