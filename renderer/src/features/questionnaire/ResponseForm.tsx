import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRecord } from '../../../../shared/domain';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { api } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { messageOf } from '../../lib/errors';
import { QuestionnaireItems } from './QuestionnaireItems';
import { useRequiredQuestions } from './questionRules';
import { useRelationAnswered, useRelationSettle } from './RelationItemField';
import { answerKey, useAnswers } from './useAnswers';

export function ResponseForm({
  response,
  definitions,
  onCompleted,
}: {
  response: ResponseRecord;
  definitions: InstrumentDefinition[];
  onCompleted: (response: ResponseRecord) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { items, save, settle } = useAnswers(response.id, response.answers);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { rules, flagged, ref, refusal } = useRequiredQuestions(definitions, items);
  const settleRelations = useRelationSettle();

  const relationAnswered = useRelationAnswered();

  // Hidden questions count neither as asked nor as answered; a relation item is answered once it is about every organisation it asks about.
  const shownItems = definitions.flatMap((def) => def.items.filter((item) => rules.shown.has(answerKey(def.id, item.id))).map((item) => ({ def, item })));
  const total = shownItems.length;
  const answered = shownItems.filter(({ def, item }) => (item.type === 'relation' ? relationAnswered(def, item.id) : items[answerKey(def.id, item.id)]?.saved != null)).length;

  async function submit() {
    const required = refusal();
    setSubmitError(required);
    if (required) return;
    setSubmitting(true);
    try {
      // A last answer may still be on its way (an open answer is saved when its box loses focus).
      await settleRelations();
      const allSaved = await settle();
      if (!allSaved) {
        setSubmitError(t('questionnaire.unsavedAnswers'));
        return;
      }
      onCompleted(await api.completeResponse({ responseId: response.id }));
    } catch (err) {
      setSubmitError(messageOf(err, t('errors.unexpected')));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="response" data-testid="response-form" ref={ref}>
      <StatusMessage
        testId="resume-status"
        message={response.answers.length > 0 ? t('questionnaire.resumed', { code: response.respondentCode, count: response.answers.length }) : null}
      />
      <div className="progress-bar" data-testid="progress">
        <span className="respondent-code">{t('questionnaire.respondent', { code: response.respondentCode })}</span>
        <label htmlFor={`${id}-progress`} className="progress-label" data-testid="progress-text">
          {t('questionnaire.progress', { answered, total })}
        </label>
        <progress id={`${id}-progress`} max={total} value={answered} />
      </div>

      <QuestionnaireItems definitions={definitions} items={items} rules={rules} flagged={flagged} onSave={(instrumentId, itemId, answer, keepsDraft) => void save(instrumentId, itemId, answer, keepsDraft)} />

      <div className="submit-area">
        <p>{t('questionnaire.submitHint', { answered, total })}</p>
        <ErrorAlert message={submitError} testId="submit-error" />
        <button type="button" className="button button-large" onClick={() => void submit()} disabled={submitting} data-testid="submit">
          {t('questionnaire.submit')}
        </button>
      </div>
    </div>
  );
}
