import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRecord } from '../../../../shared/domain';
import { relationAnswerKey, type RelationAnswerKey } from '../../../../shared/instruments/relations';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { api } from '../../api';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { messageOf } from '../../lib/errors';
import { QuestionnaireItems } from './QuestionnaireItems';
import { useRequiredQuestions } from './questionRules';
import { RelationAnswersProvider } from './RelationItemField';
import { answerKey, type ItemAnswerState, type StoredAnswer } from './useAnswers';

/**
 * Correcting a submitted questionnaire: the same questions as the form, filled in with what was
 * submitted, and the reason. Nothing is stored while the researcher changes answers; *Correctie
 * inleveren* sends the changed answers and the reason together, and until then the questionnaire
 * stays submitted as it was (docs/decisions/2026-12-01-corrections.md). Used from the list of
 * questionnaires and from paper entry.
 */
export function CorrectionForm({
  response,
  definitions,
  organisations,
  onCorrected,
  onCancel,
}: {
  response: ResponseRecord;
  definitions: InstrumentDefinition[];
  /** The network's organisations: the relation items show their grid with the stored answers (without them, relation items are not corrected here). */
  organisations?: readonly { id: string; name: string; archived: boolean }[];
  onCorrected: (response: ResponseRecord) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const original = new Map(response.answers.map((a) => [answerKey(a.instrumentId, a.itemId), { value: a.value, text: a.text }]));
  const [draft, setDraft] = useState<Map<string, StoredAnswer>>(() => new Map(original));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const items: Record<string, ItemAnswerState> = {};
  for (const [key, answer] of draft) items[key] = { saved: answer, pending: null, status: 'idle', error: null };
  const emptyText = (a: StoredAnswer | undefined) => (a === undefined || (a.value === null && (a.text === null || a.text.trim() === '')) ? null : a);
  const changed = [...new Set([...original.keys(), ...draft.keys()])].filter((key) => {
    const before = emptyText(original.get(key));
    const after = emptyText(draft.get(key));
    return (before?.value ?? null) !== (after?.value ?? null) || (before?.text ?? null) !== (after?.text ?? null);
  });

  // The required-question check of the questions below (inside the relation grid's provider, which it asks).
  const refusalRef = useRef<() => string | null>(() => null);

  // Answers about partner organisations: changed ones, by relationAnswerKey, against what was submitted.
  const originalRelations = new Map(response.relationAnswers.map((a) => [relationAnswerKey(a), a.value]));
  const [relationDraft, setRelationDraft] = useState<Map<string, RelationAnswerKey & { value: number | null }>>(new Map());
  const changedRelations = [...relationDraft.values()].filter((a) => (originalRelations.get(relationAnswerKey(a)) ?? null) !== a.value);
  const onRelationDraft = useCallback((a: RelationAnswerKey & { value: number | null }) => setRelationDraft((current) => new Map(current).set(relationAnswerKey(a), a)), []);

  const change = (instrumentId: string, itemId: string, answer: StoredAnswer) =>
    setDraft((current) => new Map(current).set(answerKey(instrumentId, itemId), answer));

  async function submit() {
    // A paper form is taken as it came back; any other questionnaire keeps its required answers.
    const required = response.mode === 'paper' ? null : refusalRef.current();
    setError(required);
    if (required) return;
    setBusy(true);
    try {
      const answers = changed.map((key) => {
        const [instrumentId, itemId] = key.split('/') as [string, string];
        const after = emptyText(draft.get(key));
        return { instrumentId, itemId, value: after?.value ?? null, text: after?.text ?? null };
      });
      onCorrected(await api.correctResponse({ responseId: response.id, reason, answers, relationAnswers: changedRelations }));
    } catch (err) {
      setError(messageOf(err, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="response correction" data-testid="correction-form">
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('correction.title', { code: response.respondentCode })}</h2>
        <p>{t('correction.intro')}</p>
        <Field id={`${id}-reason`} label={t('correction.reason')} hint={t('correction.reasonHint')} hintId={`${id}-reason-hint`}>
          <input
            id={`${id}-reason`}
            type="text"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={`${id}-reason-hint`}
            autoComplete="off"
            data-testid="correction-reason"
          />
        </Field>
      </section>

      {organisations ? (
        <RelationAnswersProvider
          responseId={response.id}
          organisations={organisations.filter((o) => !o.archived)}
          ownOrganisationId={response.organisationId}
          initial={response.relationAnswers}
          onDraft={onRelationDraft}
        >
          <CorrectionQuestions definitions={definitions} items={items} refusalRef={refusalRef} onChange={change} />
        </RelationAnswersProvider>
      ) : (
        <CorrectionQuestions definitions={definitions} items={items} refusalRef={refusalRef} onChange={change} />
      )}

      <div className="submit-area">
        <p data-testid="correction-changed">{t('correction.changed', { count: changed.length + changedRelations.length })}</p>
        <ErrorAlert message={error} testId="correction-error" />
        <div className="actions">
          <button type="button" className="button button-large" onClick={() => void submit()} disabled={busy} data-testid="correction-submit">
            {t('correction.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            {t('correction.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The questions of a correction, with the required-question check (which sees the relation grid's answers inside its provider). */
function CorrectionQuestions({
  definitions,
  items,
  refusalRef,
  onChange,
}: {
  definitions: InstrumentDefinition[];
  items: Record<string, ItemAnswerState>;
  refusalRef: RefObject<() => string | null>;
  onChange: (instrumentId: string, itemId: string, answer: StoredAnswer) => void;
}) {
  const { rules, flagged, ref, refusal } = useRequiredQuestions(definitions, items);
  useEffect(() => {
    refusalRef.current = refusal;
  });
  return (
    <div ref={ref}>
      <QuestionnaireItems definitions={definitions} items={items} rules={rules} flagged={flagged} onSave={(instrumentId, itemId, answer) => onChange(instrumentId, itemId, answer)} />
    </div>
  );
}
