import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRecord } from '../../../../shared/domain';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { api } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { messageOf } from '../../lib/errors';
import { QuestionnaireItems } from './QuestionnaireItems';
import { useRelationSettle } from './RelationItemField';
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
  const settleRelations = useRelationSettle();

  const total = definitions.reduce((sum, def) => sum + def.items.length, 0);
  const answered = definitions.reduce(
    (sum, def) => sum + def.items.filter((item) => items[answerKey(def.id, item.id)]?.saved != null).length,
    0,
  );

  async function submit() {
    setSubmitting(true);
    setSubmitError(null);
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
    <div className="response" data-testid="response-form">
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

      <QuestionnaireItems definitions={definitions} items={items} onSave={(instrumentId, itemId, answer, keepsDraft) => void save(instrumentId, itemId, answer, keepsDraft)} />

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
