import { useTranslation } from 'react-i18next';
import type { InstrumentSummary } from '../../../../shared/domain';
import { currentLocale, localized } from '../../i18n';

/** How the editor opens: empty, on a custom instrument's version, or on a copy of any instrument (a built-in's too). */
export type EditorStart = { kind: 'new' } | { kind: 'edit' | 'copy'; instrumentId: string; version: number };

/**
 * The way into the editor from *Vragenlijsten*: "Nieuwe vragenlijst" above the list (no
 * `instrument`), and on each instrument "Bewerken" (not for built-ins) and "Kopie bewerken". Kept
 * apart from the editor itself, so the list screen does not load the editor's code.
 */
export function EditorButtons({ instrument, onEditor }: { instrument?: InstrumentSummary; onEditor: (start: EditorStart) => void }) {
  const { t } = useTranslation();
  if (!instrument) {
    return (
      <p>
        <button type="button" className="button" onClick={() => onEditor({ kind: 'new' })} data-testid="instrument-new">
          {t('instrumentEditor.list.new')}
        </button>
      </p>
    );
  }
  const ref = { instrumentId: instrument.instrumentId, version: instrument.version };
  const named = { name: localized(instrument.name, currentLocale()), version: instrument.version };
  return (
    <div className="editor-open">
      {!instrument.builtIn && (
        <button type="button" className="button button-secondary" onClick={() => onEditor({ kind: 'edit', ...ref })} aria-label={t('instrumentEditor.list.editFor', named)}>
          {t('instrumentEditor.list.edit')}
        </button>
      )}
      <button type="button" className="button button-secondary" onClick={() => onEditor({ kind: 'copy', ...ref })} aria-label={t('instrumentEditor.list.copyFor', named)}>
        {t('instrumentEditor.list.copy')}
      </button>
    </div>
  );
}
