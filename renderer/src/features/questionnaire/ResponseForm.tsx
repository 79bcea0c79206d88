import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseRecord } from '../../../../shared/domain';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { api } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { currentLocale, localized } from '../../i18n';
import { messageOf } from '../../lib/errors';
import { ItemField } from './ItemField';
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
  const locale = currentLocale();
  const id = useId();
  const { items, save, settle } = useAnswers(response.id, response.answers);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

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

  // Questions are numbered straight through, across sections and instruments.
  const numbers = new Map<string, number>();
  for (const def of definitions) for (const section of def.sections) for (const itemId of section.items) numbers.set(answerKey(def.id, itemId), numbers.size + 1);

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

      {definitions.map((def) => (
        <section key={def.id} className="instrument" aria-labelledby={`${id}-${def.id}`}>
          <h2 id={`${id}-${def.id}`}>{localized(def.name, locale)}</h2>
          {def.sections.map((section) => (
            <section key={section.id} className="panel questionnaire-section" aria-labelledby={`${id}-${def.id}-${section.id}`}>
              <h3 id={`${id}-${def.id}-${section.id}`}>{localized(section.title, locale)}</h3>
              {section.intro && <p className="section-intro">{localized(section.intro, locale)}</p>}
              {section.items.map((itemId) => {
                const item = def.items.find((it) => it.id === itemId);
                if (!item) return null;
                return (
                  <ItemField
                    key={item.id}
                    definition={def}
                    item={item}
                    number={numbers.get(answerKey(def.id, item.id)) ?? 0}
                    state={items[answerKey(def.id, item.id)]}
                    onSave={(answer, keepsDraft) => void save(def.id, item.id, answer, keepsDraft)}
                  />
                );
              })}
            </section>
          ))}
          <p className="attribution">{localized(def.attribution, locale)}</p>
        </section>
      ))}

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
