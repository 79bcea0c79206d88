import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenAnswer, OpenQuestion, WaveOpenAnswers } from '../../../../shared/open-answers';
import { api } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { currentLocale, localized } from '../../i18n';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from '../network/NetworkPage';

/**
 * *Open antwoorden*: per open question of one wave, what respondents wrote in their submitted
 * questionnaires, read-only. Texts are React text nodes (escaped), never markup. Codes only after
 * the researcher ticks "Respondentcodes tonen"; the main process leaves them out otherwise, names an
 * organisation only for a large enough group, and refuses the whole list in kiosk mode.
 */
export function OpenAnswersScreen({ waveId, onBack }: { waveId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [loaded] = useApiData(`open-answers/${waveId}`, () => api.listOpenAnswers({ waveId, withCodes: false }));
  return (
    <NetworkPage loaded={loaded} onBack={onBack} heading={(data) => ({ title: t('openAnswers.title', { wave: data.waveLabel }), network: data.networkName })}>
      {(data) => <OpenAnswersBody base={data} />}
    </NetworkPage>
  );
}

function OpenAnswersBody({ base }: { base: WaveOpenAnswers }) {
  const { t } = useTranslation();
  const id = useId();
  const [withCodes, setWithCodes] = useState(false);
  // The list with codes is asked for only once the box is ticked; until it arrives the list without codes stays.
  const [coded] = useApiData(`open-answers/${base.waveId}/${withCodes ? 'codes' : 'plain'}`, async () =>
    withCodes ? api.listOpenAnswers({ waveId: base.waveId, withCodes: true }) : base,
  );
  const shown = coded.status === 'ready' ? coded.data : base;
  const instruments = groupByInstrument(shown.questions);

  return (
    <>
      <p className="lead">{t('openAnswers.intro', { min: base.minGroupSize })}</p>
      <p data-testid="open-answers-submitted">{t('openAnswers.submitted', { count: base.submitted })}</p>
      {base.questions.length > 0 && (
        <div className="open-answers-controls">
          <label className="checkbox">
            <input type="checkbox" checked={withCodes} onChange={(e) => setWithCodes(e.target.checked)} aria-describedby={`${id}-codes-hint`} data-testid="open-answers-with-codes" />
            {t('openAnswers.withCodes')}
          </label>
          <p id={`${id}-codes-hint`} className="hint">
            {t('openAnswers.withCodesHint')}
          </p>
          <ErrorAlert message={coded.status === 'error' ? coded.message : null} testId="open-answers-error" />
          <StatusMessage message={withCodes && coded.status === 'ready' ? t('openAnswers.codesShown') : null} testId="open-answers-status" />
        </div>
      )}
      {base.questions.length === 0 && <p className="empty">{t('openAnswers.noQuestions')}</p>}
      {instruments.map(({ key, name, questions }) => (
        <section key={key} className="panel" aria-labelledby={`${id}-${key}`}>
          <h2 id={`${id}-${key}`}>{name}</h2>
          {questions.map((q) => (
            <QuestionAnswers key={q.itemId} question={q} headingId={`${id}-${key}-${q.itemId}`} />
          ))}
        </section>
      ))}
    </>
  );
}

function groupByInstrument(questions: OpenQuestion[]): { key: string; name: string; questions: OpenQuestion[] }[] {
  const locale = currentLocale();
  const groups: { key: string; name: string; questions: OpenQuestion[] }[] = [];
  for (const q of questions) {
    const key = `${q.instrumentId}-${q.instrumentVersion}`;
    const group = groups.find((g) => g.key === key);
    if (group) group.questions.push(q);
    else groups.push({ key, name: localized(q.instrumentName, locale), questions: [q] });
  }
  return groups;
}

function QuestionAnswers({ question, headingId }: { question: OpenQuestion; headingId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="open-question" data-testid={`open-question-${question.itemId}`}>
      <h3 id={headingId}>{localized(question.question, locale)}</h3>
      <p className="muted">
        <span className="open-question-variable">{question.itemId}</span> · <span data-testid={`open-answer-count-${question.itemId}`}>{t('openAnswers.count', { count: question.count })}</span>
      </p>
      {question.answers.length === 0 ? (
        <p className="empty">{t('openAnswers.none')}</p>
      ) : (
        <ul className="open-answer-list" aria-labelledby={headingId} data-testid={`open-answers-${question.itemId}`}>
          {question.answers.map((a, i) => (
            <li key={i} className="open-answer">
              <p className="open-answer-text">{a.text}</p>
              <AnswerSource answer={a} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AnswerSource({ answer }: { answer: OpenAnswer }) {
  const { t } = useTranslation();
  const organisation = answer.organisation.shown
    ? answer.organisation.name
    : answer.organisation.reason === 'hidden'
      ? t('openAnswers.organisationHidden')
      : t('openAnswers.organisationNone');
  return (
    <p className="open-answer-source">
      {organisation}
      {answer.respondentCode !== null && <> · {t('openAnswers.code', { code: answer.respondentCode })}</>}
    </p>
  );
}
