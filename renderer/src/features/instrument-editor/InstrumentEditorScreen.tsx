import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentSummary } from '../../../../shared/domain';
import { ApiError } from '../../../../shared/errors';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { RadioGroup } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import { messageOf } from '../../lib/errors';
import { useApiData } from '../../lib/useApiData';
import type { EditorStart } from './EditorButtons';
import { draftFromDefinition, draftReducer, emptyDraft, type Draft } from './draft';
import { EditorContext, PlainField, TextPairField, type EditorContextValue } from './EditorFields';
import { EditorPreview } from './EditorPreview';
import { ProblemSummary } from './ProblemSummary';
import { definitionJson, draftProblems } from './problems';
import { SectionsEditor, SubscalesEditor } from './SectionsEditor';
import './instrument-editor.css';

/**
 * *Vragenlijst maken / bewerken*: a questionnaire built field by field into the same definition an
 * import holds, checked live by the same schema, previewed, and saved with saveInstrumentDraft. A
 * version in use (frozen) is never changed: the editor offers a new version instead.
 */
/** A way out of the editor asked for elsewhere (the app's header): `go` leaves, `cancel` stays. */
export interface LeaveRequest {
  go: () => void;
  cancel: () => void;
}

interface EditorScreenProps {
  start: EditorStart;
  onBack: () => void;
  /** Told whenever the editor gets or loses unsaved changes. */
  onUnsavedChange?: (unsaved: boolean) => void;
  leaveRequest?: LeaveRequest | null;
}

export function InstrumentEditorScreen({ start, onBack, onUnsavedChange, leaveRequest }: EditorScreenProps) {
  const { t } = useTranslation();
  const key = start.kind === 'new' ? 'new' : `${start.kind}:${start.instrumentId}@${start.version}`;
  const [loaded] = useApiData(`editor:${key}`, async () => ({
    definition: start.kind === 'new' ? null : await api.getInstrument({ instrumentId: start.instrumentId, version: start.version }),
    instruments: await api.listInstruments({}),
  }));
  const title = start.kind === 'edit' ? t('instrumentEditor.titleEdit') : t('instrumentEditor.titleNew');
  return (
    <WhenLoaded loaded={loaded}>
      {({ definition, instruments }) => (
        <Editor key={key} start={start} definition={definition} instruments={instruments} title={title} onBack={onBack} onUnsavedChange={onUnsavedChange} leaveRequest={leaveRequest} />
      )}
    </WhenLoaded>
  );
}

function initialDraft(start: EditorStart, definition: InstrumentDefinition | null, copyPrefix: { nl: string; en: string }): Draft {
  if (!definition) return emptyDraft();
  return start.kind === 'copy' ? draftFromDefinition(definition, { namePrefix: copyPrefix }) : draftFromDefinition(definition);
}

function Editor({
  start,
  definition,
  instruments,
  title,
  onBack,
  onUnsavedChange,
  leaveRequest,
}: EditorScreenProps & {
  definition: InstrumentDefinition | null;
  instruments: InstrumentSummary[];
  title: string;
}) {
  const { t } = useTranslation();
  const copyPrefix = { nl: t('instrumentEditor.copyPrefix', { lng: 'nl' }), en: t('instrumentEditor.copyPrefix', { lng: 'en' }) };
  const [draft, dispatch] = useReducer(draftReducer, undefined, () => initialDraft(start, definition, copyPrefix));
  // What is stored: the definition as opened or last saved (null for a new one), to tell unsaved changes.
  const [stored, setStored] = useState<{ ref: string; json: string } | null>(() =>
    start.kind === 'edit' ? { ref: `${draft.id}@${draft.version}`, json: definitionJson(draft) } : null,
  );
  const [known, setKnown] = useState(instruments);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const summaryRef = useRef<HTMLHeadingElement>(null);
  const leaveRef = useRef<HTMLDivElement>(null);

  const problems = useMemo(() => draftProblems(draft), [draft]);
  const json = useMemo(() => definitionJson(draft), [draft]);
  const dirty = stored === null ? true : stored.json !== json;
  const ref = `${draft.id}@${draft.version}`;
  const versions = known.filter((i) => i.instrumentId === draft.id);
  const frozen = versions.some((v) => v.version === draft.version && v.frozen && !v.builtIn);
  const nextVersion = Math.max(0, ...versions.map((v) => v.version)) + 1;

  // Closing or reloading the window with unsaved changes asks first.
  useEffect(() => {
    onUnsavedChange?.(dirty);
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, onUnsavedChange]);
  const asked = leaving || leaveRequest != null;
  useEffect(() => {
    if (asked) leaveRef.current?.focus();
  }, [asked]);

  const context: EditorContextValue = {
    draft,
    dispatch,
    problems,
    touched,
    showAll,
    touch: (field) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field))),
  };

  async function save() {
    setSavedAs(null);
    setSaveError(null);
    if (problems.length > 0) {
      setShowAll(true);
      summaryRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const summary = await api.saveInstrumentDraft({ definitionJson: json, replaceExisting: stored?.ref === ref });
      setStored({ ref, json });
      setSavedAs(t('instrumentEditor.saved', { id: summary.instrumentId, version: summary.version }));
    } catch (err) {
      setSaveError(messageOf(err, t('errors.unexpected')));
      // A refusal may be about a version that was frozen meanwhile: ask again, so the new-version offer shows.
      if (err instanceof ApiError && err.code === 'CONFLICT') setKnown(await api.listInstruments({}));
    } finally {
      setSaving(false);
    }
  }

  function newVersion() {
    dispatch({ type: 'setVersion', version: nextVersion });
    setSaveError(null);
  }

  return (
    <EditorContext.Provider value={context}>
      <div className="instrument-editor">
        <BackButton label={t('instrumentEditor.back')} onClick={() => (dirty ? setLeaving(true) : onBack())} />
        {asked && (
          <div className="message message-warning editor-leave" role="alertdialog" aria-labelledby="editor-leave-text" tabIndex={-1} ref={leaveRef} data-testid="editor-leave">
            <p id="editor-leave-text">{t('instrumentEditor.leave.question')}</p>
            <div className="editor-row-actions">
              <button
                type="button"
                className="button"
                onClick={() => {
                  setLeaving(false);
                  leaveRequest?.cancel();
                }}
              >
                {t('instrumentEditor.leave.stay')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => (leaveRequest ? leaveRequest.go() : onBack())}>
                {t('instrumentEditor.leave.discard')}
              </button>
            </div>
          </div>
        )}
        <ScreenTitle title={title}>{title}</ScreenTitle>
        <p className="lead">{t('instrumentEditor.intro')}</p>
        {frozen && (
          <div className="message message-warning" data-testid="editor-frozen">
            <p>{t('instrumentEditor.frozen', { version: draft.version, next: nextVersion })}</p>
            <button type="button" className="button button-secondary" onClick={newVersion}>
              {t('instrumentEditor.newVersion')}
            </button>
          </div>
        )}

        <section className="panel" aria-labelledby="editor-about-title">
          <h2 id="editor-about-title">{t('instrumentEditor.about.title')}</h2>
          <RadioGroup
            legend={t('instrumentEditor.about.languages')}
            name="editor-languages"
            value={draft.bilingual ? 'nl-en' : 'nl'}
            options={[
              { value: 'nl', label: t('instrumentEditor.about.dutchOnly') },
              { value: 'nl-en', label: t('instrumentEditor.about.bilingual') },
            ]}
            onChange={(value) => dispatch({ type: 'setBilingual', bilingual: value === 'nl-en' })}
          />
          <TextPairField field="name" label={t('instrumentEditor.about.name')} value={draft.name} onChange={(lang, value) => dispatch({ type: 'setMeta', field: 'name', lang, value })} />
          <div className="editor-two">
            <PlainField
              field="id"
              label={t('instrumentEditor.about.id')}
              hint={t('instrumentEditor.about.idHint')}
              value={draft.id}
              onChange={(value) => dispatch({ type: 'setId', value })}
            />
            <p className="editor-version" data-testid="editor-version">
              {t('instrumentEditor.about.version', { version: draft.version })}
            </p>
          </div>
          <TextPairField field="description" label={t('instrumentEditor.about.description')} multiline value={draft.description} onChange={(lang, value) => dispatch({ type: 'setMeta', field: 'description', lang, value })} />
          <TextPairField field="attribution" label={t('instrumentEditor.about.attribution')} multiline value={draft.attribution} onChange={(lang, value) => dispatch({ type: 'setMeta', field: 'attribution', lang, value })} />
          <TextPairField field="licence" label={t('instrumentEditor.about.licence')} multiline value={draft.licence} onChange={(lang, value) => dispatch({ type: 'setMeta', field: 'licence', lang, value })} />
        </section>

        <SectionsEditor />
        <SubscalesEditor />
        <EditorPreview />

        <section className="panel editor-save" aria-labelledby="editor-summary-title">
          <ProblemSummary headingRef={summaryRef} />
          <ErrorAlert message={saveError} testId="editor-save-error" />
          {frozen && saveError && (
            <button type="button" className="button button-secondary" onClick={newVersion}>
              {t('instrumentEditor.newVersion')}
            </button>
          )}
          <StatusMessage message={savedAs} testId="editor-saved" />
          <button type="button" className="button button-large" onClick={() => void save()} disabled={saving} data-testid="editor-save">
            {saving ? t('instrumentEditor.saving') : problems.length > 0 ? t('instrumentEditor.saveBlocked', { count: problems.length }) : t('instrumentEditor.save')}
          </button>
          {!dirty && stored && <p className="hint">{t('instrumentEditor.noChanges')}</p>}
        </section>
      </div>
    </EditorContext.Provider>
  );
}
